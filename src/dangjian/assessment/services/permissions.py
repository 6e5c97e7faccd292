"""Who may do what with the assessment (考核), decided once here."""

from typing import Any

from dangjian.access.roles import Role
from dangjian.access.scoping import grants_of, may_enter_data
from dangjian.core.permissions import Rule, register


def _organization_of(obj: Any) -> Any:
    """The organisation an action is about: a Scheme's, a Score's or an Appeal's target, or
    the Organization itself."""
    if hasattr(obj, "score"):  # an Appeal
        obj = obj.score
    return getattr(obj, "organization", obj)


def _covered_by(actor: Any, obj: Any, role: str) -> bool:
    organization = _organization_of(obj)
    return organization is not None and any(
        grant.role == role and grant.organization is not None
        and organization.path.startswith(grant.organization.path)
        for grant in grants_of(actor))


def _assessor_over(actor: Any, obj: Any) -> bool:
    """考核管理员 whose grant covers the organisation (obj: Scheme, Score, Appeal or
    Organization)."""
    return _covered_by(actor, obj, Role.ASSESSOR)


def _leader_over(actor: Any, obj: Any) -> bool:
    """县领导 whose grant covers the scheme's organisation: the second approval."""
    return _covered_by(actor, obj, Role.COUNTY_LEADER)


def _unit_over(actor: Any, obj: Any) -> bool:
    """单位书记 or 党务干事 of the scored unit: raises an appeal of its score."""
    organization = _organization_of(obj)
    return organization is not None and may_enter_data(actor, organization)


ACTIONS = {
    "edit_scheme": Rule(_assessor_over, "只有覆盖该范围的考核管理员可以编制考核方案"),
    "score": Rule(_assessor_over, "只有覆盖该单位的考核管理员可以录入得分"),
    # 审核: the assessor's approval freezes the results; 审定: a county leader's, then 公布
    "approve": Rule(_assessor_over, "只有覆盖该范围的考核管理员可以审核考核结果"),
    "approve_as_leader": Rule(_leader_over, "只有分管该范围的县领导可以审定考核结果"),
    "release": Rule(_assessor_over, "只有覆盖该范围的考核管理员可以公布考核结果"),
    "appeal": Rule(_unit_over, "只有被考核单位的书记或党务干事可以申请复核"),
    "handle_appeal": Rule(_assessor_over, "只有覆盖该单位的考核管理员可以受理和答复复核"),
}

register("assessment", ACTIONS)
