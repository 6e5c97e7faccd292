"""Who may take the account pages' actions (账户与授权), decided once here for the pages; the
API's viewsets admit the same roles (``access.api.views``) and refuse with the same words."""

from typing import Any

from dangjian.core.permissions import Rule, register

from .roles import Role
from .rules import SEPARATION_OF_DUTIES
from .scoping import roles_of

# The API's refusals (``access.permissions.role_required``), word for word.
ONLY_SYSTEM_ADMIN = f"仅限{Role.SYSTEM_ADMIN}操作"
ONLY_SECURITY_ADMIN = f"仅限{Role.SECURITY_ADMIN}操作"


def _holds(*roles: str) -> Any:
    def allows(user: Any, obj: Any) -> bool:
        return bool(roles_of(user) & set(roles))

    return allows


def _separation(message: str, duty: str) -> Any:
    """The API's refusal, and for another of the 三员 why their role does not reach it."""

    def refusal(user: Any, obj: Any) -> str:
        held = sorted(roles_of(user) & {Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN,
                                        Role.AUDIT_ADMIN})
        if not held:
            return message
        return (f"{message}：{duty}，{'、'.join(held)}不能办理"
                f"（三员分立，{SEPARATION_OF_DUTIES.citation}）")

    return refusal


ACTIONS = {
    # the accounts list and an account's page: the 系统管理员 keeps accounts, the 安全管理员
    # grants roles on them
    "view_accounts": Rule(_holds(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN),
                          "仅系统管理员和安全管理员可以查看账户"),
    "create_user": Rule(_holds(Role.SYSTEM_ADMIN),
                        _separation(ONLY_SYSTEM_ADMIN, "账户由系统管理员新建")),
    "grant": Rule(_holds(Role.SECURITY_ADMIN),
                  _separation(ONLY_SECURITY_ADMIN, "角色由安全管理员授予和撤销")),
}

register("access", ACTIONS)
