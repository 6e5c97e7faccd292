"""Who may do what in task supervision (督查督办), decided once here: the tasks action table."""

from typing import Any

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import grants_of, may_direct, may_enter_data, roles_of
from dangjian.core.permissions import Rule, register
from dangjian.orgs.models import Organization

from ..models import Task
from ..rules import COMPLETION_CONFIRMERS, local_settings
from ..selectors import unit_choices


def _reports_for(actor: User, task: Task) -> bool:
    """Progress is reported by the lead unit's clerk or secretary."""
    return may_enter_data(actor, task.lead_unit)


def is_of_lead_unit(actor: User, task: Task) -> bool:
    """A clerk's or secretary's grant on the lead unit or inside it: the side that reports."""
    path = task.lead_unit.path
    return any(
        grant.role in (Role.UNIT_SECRETARY, Role.UNIT_CLERK)
        and grant.organization is not None and grant.organization.path.startswith(path)
        for grant in grants_of(actor)
    )


def is_completion_confirmer(actor: User, task: Task) -> bool:
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


def _own_request(actor: User, task: Task) -> bool:
    return actor.pk is not None and actor.pk == task.completion_requested_by_id


def _confirms_completion(actor: User, task: Task) -> bool:
    """Not one's own request (两人分离), and on the assigning side."""
    return not _own_request(actor, task) and is_completion_confirmer(actor, task)


def _completion_refusal(actor: User, task: Task) -> str:
    if _own_request(actor, task):
        return "不能审核本人提出的办结申请"
    who = COMPLETION_CONFIRMERS[local_settings().completion_confirmed_by]
    return f"任务办结须由交办方（{who}）确认，牵头单位不能自行确认"


ACTIONS = {
    # obj: the Organization work is deployed for (a county leader across the county, a unit's
    # clerk or secretary within it)
    "plan": Rule(may_direct, lambda actor, org: f"您不能为“{org}”部署任务"),
    # obj: a Task
    "report": Rule(_reports_for, "仅牵头单位的党务干事或书记可以报送进展"),
    "confirm_completion": Rule(_confirms_completion, _completion_refusal),
}

register("tasks", ACTIONS)


def planning_units(actor: User) -> Any:
    """The units ``actor`` may deploy work to: the same answer as ``can(actor, "tasks.plan",
    unit)``, in one query (a county leader covers the units it sees, a clerk or secretary its
    own subtree)."""
    roles = roles_of(actor)
    if Role.COUNTY_LEADER in roles or roles & {Role.UNIT_CLERK, Role.UNIT_SECRETARY}:
        units = unit_choices(actor)
        if Role.COUNTY_LEADER in roles:
            return units
        return [u for u in units if may_enter_data(actor, u)]
    return Organization.objects.none()
