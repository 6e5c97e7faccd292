"""Who may do what in task supervision, decided once here."""

from typing import Any

from django.core.exceptions import PermissionDenied

from dangjian.access.roles import Role
from dangjian.access.scoping import grants_of, may_enter_data, restrict, roles_of
from dangjian.orgs.models import Organization

from ..models import Task
from ..rules import COMPLETION_CONFIRMERS, local_settings
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


def is_of_lead_unit(actor: Any, task: Task) -> bool:
    """A clerk's or secretary's grant on the lead unit or inside it: the side that reports."""
    path = task.lead_unit.path
    return any(
        grant.role in (Role.UNIT_SECRETARY, Role.UNIT_CLERK)
        and grant.organization is not None and grant.organization.path.startswith(path)
        for grant in grants_of(actor)
    )


def is_completion_confirmer(actor: Any, task: Task) -> bool:
    """The assigning side confirms 办结 (rules.COMPLETION_APPROVAL, ``completion_confirmed_by``):
    the responsible leader, or the 督查室 (clerks of the deploying organisation); never
    anyone of the lead unit."""
    if is_of_lead_unit(actor, task):
        return False
    if local_settings().completion_confirmed_by == "leader":
        return actor.person_id is not None and actor.person_id == task.leader_id
    return any(grant.role == Role.UNIT_CLERK
               and grant.organization_id == task.plan.organization_id
               for grant in grants_of(actor))


def require_completion_confirmer(actor: Any, task: Task) -> None:
    if actor.pk is not None and actor.pk == task.completion_requested_by_id:
        raise PermissionDenied("不能审核本人提出的办结申请")
    if not is_completion_confirmer(actor, task):
        who = COMPLETION_CONFIRMERS[local_settings().completion_confirmed_by]
        raise PermissionDenied(f"任务办结须由交办方（{who}）确认，牵头单位不能自行确认")


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
