"""Who may do what with 公开 (党务公开条例 第十五条: 提出 → 审核 → 审批 → 实施), decided once here.

The reviewer and the approver must be other persons than the drafter: that is a check on the
record (``disclosures._not_drafter``), on top of the roles below."""

from typing import Any

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import grants_of, may_enter_data
from dangjian.core.permissions import Rule, register


def _secretary(actor: User, obj: Any = None) -> bool:
    """The 单位书记 whose grant covers ``obj`` (an Organization)."""
    return any(grant.role == Role.UNIT_SECRETARY and grant.organization is not None
               and (obj is None or obj.path.startswith(grant.organization.path))
               for grant in grants_of(actor))


def _enters(actor: User, obj: Any = None) -> bool:
    if obj is None:
        return any(may_enter_data(actor, g.organization) for g in grants_of(actor)
                   if g.organization is not None)
    return may_enter_data(actor, obj)


ACTIONS = {
    # obj: the Organization. The unit's clerk or secretary keeps its catalogue, drafts and
    # publishes (实施), answers the public and registers 依申请公开.
    "draft": Rule(_enters, "仅本单位的党务干事或书记可以办理公开事项"),
    # obj: the Organization. 保密审查 by the unit's clerk or secretary (not the drafter).
    "review": Rule(_enters, "仅本单位的党务干事或书记可以进行保密审查"),
    # obj: the Organization. 审批 and 撤回 by the unit's secretary (not the drafter).
    "approve": Rule(_secretary, "仅本单位书记可以审批或撤回公开事项"),
}

register("openness", ACTIONS)
