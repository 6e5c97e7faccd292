"""Who may write organisational-life records (组织生活), decided once here."""

from typing import Any

from dangjian.access.roles import Role
from dangjian.access.scoping import may_enter_data, roles_of
from dangjian.core.permissions import Rule, register


def _is_system_admin(actor: Any, obj: Any = None) -> bool:
    return Role.SYSTEM_ADMIN in roles_of(actor)


ACTIONS = {
    # obj: the Organization; meetings are entered by the clerk or secretary covering it
    "enter": Rule(may_enter_data,
                  lambda actor, org: f"您没有为“{org.name}”登记组织生活的权限"),
    # no obj: the county's 议题标签 are settings, kept by the 系统管理员 (三员: 用户与设置)
    "configure": Rule(_is_system_admin, "仅系统管理员可以维护议题标签"),
}

register("orglife", ACTIONS)
