"""Who may do what in task supervision, decided once here."""

from typing import Any

from django.core.exceptions import PermissionDenied

from dangjian.access.roles import Role
from dangjian.access.scoping import may_enter_data, restrict, roles_of
from dangjian.orgs.models import Organization

from ..models import Task
from ..selectors import unit_choices


def may_plan(actor: Any, organization: Organization) -> bool:
    """A county leader deploys work across the county; a unit's clerk or secretary within it."""
    if may_enter_data(actor, organization):
        return True
    covered = restrict(Organization.objects.filter(pk=organization.pk), actor).exists()
    return Role.COUNTY_LEADER in roles_of(actor) and covered


def require_planner(actor: Any, organization: Organization) -> None:
    if not may_plan(actor, organization):
        raise PermissionDenied(f"您不能为“{organization}”部署任务")


def require_unit_entry(actor: Any, task: Task) -> None:
    """Progress is reported by the lead unit's clerk or secretary."""
    if not may_enter_data(actor, task.lead_unit):
        raise PermissionDenied("仅牵头单位的党务干事或书记可以报送进展")


def is_lead_secretary(actor: Any, task: Task) -> bool:
    path = task.lead_unit.path
    return any(
        grant.organization is not None and path.startswith(grant.organization.path)
        for grant in actor.grants.filter(role=Role.UNIT_SECRETARY).select_related("organization")
    )


def require_lead_secretary(actor: Any, task: Task) -> None:
    """办结 is approved by the secretary of the lead unit (rules.COMPLETION_APPROVAL)."""
    if not is_lead_secretary(actor, task):
        raise PermissionDenied("任务办结须由牵头单位党组织书记审核")


def planning_units(actor: Any) -> Any:
    """The units ``actor`` may deploy work to: the same answer as ``may_plan``, in one query
    (a county leader covers the units it sees, a clerk or secretary its own subtree)."""
    roles = roles_of(actor)
    if Role.COUNTY_LEADER in roles or roles & {Role.UNIT_CLERK, Role.UNIT_SECRETARY}:
        units = unit_choices(actor)
        if Role.COUNTY_LEADER in roles:
            return units
        return [u for u in units if may_enter_data(actor, u)]
    return Organization.objects.none()
