"""Who may keep which list, decided once here."""

from typing import Any

from django.core.exceptions import PermissionDenied

from dangjian.access.roles import Role
from dangjian.access.scoping import may_enter_data, restrict, roles_of
from dangjian.orgs.models import Organization

from ..models import ResponsibilityList


def may_manage(actor: Any, organization: Organization) -> bool:
    """A unit's clerk or secretary keeps its lists; a county leader those it oversees."""
    if may_enter_data(actor, organization):
        return True
    covered = restrict(Organization.objects.filter(pk=organization.pk), actor).exists()
    return Role.COUNTY_LEADER in roles_of(actor) and covered


def may_record(actor: Any, rlist: ResponsibilityList) -> bool:
    """A leader records against their own list; the unit's clerk against any of the unit's."""
    own = rlist.person_id is not None and getattr(actor, "person_id", None) == rlist.person_id
    return own or may_manage(actor, rlist.organization)


def require_manager(actor: Any, organization: Organization, person: Any = None) -> None:
    own = person is not None and getattr(actor, "person_id", None) == person.pk
    if not (own or may_manage(actor, organization)):
        raise PermissionDenied(f"您不能管理“{organization}”的责任清单")


def require_recorder(actor: Any, rlist: ResponsibilityList) -> None:
    if not may_record(actor, rlist):
        raise PermissionDenied("只有责任人本人或本单位党务干事、书记可以记录履责情况")
