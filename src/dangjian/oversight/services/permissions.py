"""Who may do what in the oversight loop, decided once here."""

from typing import Any

from django.core.exceptions import PermissionDenied

from dangjian.access.roles import Role
from dangjian.access.scoping import may_enter_data, roles_of
from dangjian.orgs.models import Organization


def require_inspector(actor: Any) -> None:
    """Issuing notices, verifying and deciding accountability are the 纪检监察 role's."""
    if Role.INSPECTOR not in roles_of(actor):
        raise PermissionDenied("仅纪检监察人员可以执行此操作")


def require_unit_entry(actor: Any, organization: Organization) -> None:
    """Rectification is entered by the unit's clerk or secretary."""
    if not may_enter_data(actor, organization):
        raise PermissionDenied("仅本单位的党务干事或书记可以填报整改")
