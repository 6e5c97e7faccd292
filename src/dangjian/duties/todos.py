"""What waits in 主体责任 (the workbench contract, ``core.workbench``): the duties recorded by
hand that have no 履责记实 yet this year (or, for quarterly and monthly ones, this quarter) —
a leader's own lists, and a unit's lists for its clerk or secretary. Each is counted through
the 责任事项 list page with exactly the query its link carries."""

from typing import Any

from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.workbench import Kind, Todo, register_todo

from .filtersets import Done
from .pages import ResponsibilityItemList

UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}
OWED = ((Done.OWED_THIS_YEAR, "本年度尚无履责记实"), (Done.OWED_THIS_QUARTER, "本季度尚无履责记实"))


def todos(user: Any) -> list[Todo]:
    year = timezone.localdate().year
    found = []
    for done, words in OWED:
        if getattr(user, "person_id", None):
            found.append(register_todo(Kind.REPORT, f"我的责任事项{words}",
                                       ResponsibilityItemList, user,
                                       {"year": year, "done": done, "mine": "true"}))
        if roles_of(user) & UNIT_ROLES:
            found.append(register_todo(Kind.REPORT, f"本单位责任事项{words}",
                                       ResponsibilityItemList, user,
                                       {"year": year, "done": done}))
    return found
