"""Who may do what in the oversight loop (监督整改), decided once here."""

from typing import Any

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import may_enter_data, roles_of
from dangjian.core.permissions import Rule, register
from dangjian.people.models import Charge


def _is_inspector(actor: User, obj: Any = None) -> bool:
    return Role.INSPECTOR in roles_of(actor)


def _charges(actor: User, obj: Any = None) -> bool:
    """A vice head (分管领导) whose current 分管 covers ``obj`` (an Organization), or any of his
    分管 departments when no organisation is named."""
    if Role.VICE_HEAD not in roles_of(actor) or actor.person_id is None:
        return False
    charged = Charge.objects.current().filter(leader_id=actor.person_id)
    if obj is None:
        return charged.exists()
    return any(obj.path.startswith(c.organization.path)
               for c in charged.select_related("organization"))


def _is_system_admin(actor: User, obj: Any = None) -> bool:
    return Role.SYSTEM_ADMIN in roles_of(actor)


ACTIONS = {
    # no obj: issuing notices, verifying and deciding accountability are 纪检监察's
    "inspect": Rule(_is_inspector, "仅纪检监察人员可以执行此操作"),
    # obj: the Organization whose rectification is entered, by its clerk or secretary
    "rectify": Rule(may_enter_data, "仅本单位的党务干事或书记可以填报整改"),
    # obj: the Organization inspected (督导检查), by the vice head whose 分管 covers it
    "supervise": Rule(_charges, "仅分管该单位的县领导可以对其开展督导检查"),
    # no obj: the county's configurable lists (问题来源、类别、严重程度、风险领域) are settings,
    # kept by the 系统管理员 (三员: 用户与设置), who sees no business record
    "configure": Rule(_is_system_admin, "仅系统管理员可以维护可配置选项"),
}

register("oversight", ACTIONS)
