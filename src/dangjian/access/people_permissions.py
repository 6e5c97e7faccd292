"""Who may write a person's record (人员), decided once here: ``people`` sits below ``access``
and cannot read grants, so its action table is declared and registered by ``access``."""

from typing import Any

from dangjian.core.permissions import Rule, register

from .scoping import may_enter_data


def _maintains_roster(user: Any, person: Any) -> bool:
    # The roles that register persons and import rosters (党务干事, 书记) for their unit.
    return may_enter_data(user, person.organization)


ACTIONS = {
    # obj: the Person; the clerk or secretary of the unit the person belongs to
    "edit_facts": Rule(_maintains_roster, "仅本单位的党务干事或书记可以修改人员信息"),
    # obj: the Organization the new person belongs to
    "create": Rule(may_enter_data, "您没有在该组织录入人员的权限"),
}

register("people", ACTIONS)
