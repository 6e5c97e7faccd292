"""Who may do what with the assessment (考核), decided once here."""

from typing import Any

from dangjian.access.roles import Role
from dangjian.access.scoping import grants_of
from dangjian.core.permissions import Rule, register


def _assessor_over(actor: Any, obj: Any) -> bool:
    """考核管理员 whose grant covers the scheme's organisation (obj: Scheme or Organization)."""
    organization = getattr(obj, "organization", obj)
    return organization is not None and any(
        grant.role == Role.ASSESSOR and grant.organization is not None
        and organization.path.startswith(grant.organization.path)
        for grant in grants_of(actor))


ACTIONS = {
    "edit_scheme": Rule(_assessor_over, "只有覆盖该范围的考核管理员可以编制考核方案"),
    "score": Rule(_assessor_over, "只有覆盖该单位的考核管理员可以录入得分"),
}

register("assessment", ACTIONS)
