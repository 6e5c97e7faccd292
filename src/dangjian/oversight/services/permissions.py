"""Who may do what in the oversight loop (监督整改), decided once here."""

from typing import Any

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import may_enter_data, roles_of
from dangjian.core.permissions import Rule, register


def _is_inspector(actor: User, obj: Any = None) -> bool:
    return Role.INSPECTOR in roles_of(actor)


ACTIONS = {
    # no obj: issuing notices, verifying and deciding accountability are 纪检监察's
    "inspect": Rule(_is_inspector, "仅纪检监察人员可以执行此操作"),
    # obj: the Organization whose rectification is entered, by its clerk or secretary
    "rectify": Rule(may_enter_data, "仅本单位的党务干事或书记可以填报整改"),
}

register("oversight", ACTIONS)
