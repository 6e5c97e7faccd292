"""What waits in task supervision (督查督办), for the workbench: a unit's reports, deadlines
this week and overdue tasks; the assigning side's requests to confirm 办结; a leader's own
overdue tasks. Each count is the rows of the task list under the linked filter."""

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.workbench import Kind, Todo

from .filtersets import TaskFilterSet, due_this_week
from .selectors import tasks_for

UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


class _Request:
    """The bit of a request the FilterSet reads (the user), for counting outside a view."""

    def __init__(self, user: Any) -> None:
        self.user = user


def _todo(user: Any, kind: str, label: str, query: dict[str, Any]) -> Todo:
    rows = TaskFilterSet(query, queryset=tasks_for(user), request=_Request(user)).qs
    url = reverse("tasks:task_list") + "?" + urlencode(query)
    return Todo(kind=kind, label=label, count=rows.count(), url=url)


def todos(user: Any) -> list[Todo]:
    found = []
    roles = roles_of(user)
    if roles & UNIT_ROLES:
        found += [
            _todo(user, Kind.REPORT, "本单位督办任务待报送进展", {"mine": "1"}),
            _todo(user, Kind.DUE, "本单位督办任务本周到期", {"mine": "1", **due_this_week()}),
            _todo(user, Kind.OVERDUE, "本单位督办任务已逾期", {"mine": "1", "light": "red"}),
        ]
    found.append(_todo(user, Kind.APPROVE, "督办任务待确认办结", {"requested": "1"}))
    person_id = getattr(user, "person_id", None)
    if person_id and roles & {Role.COUNTY_LEADER, Role.VICE_HEAD}:
        found.append(_todo(user, Kind.OVERDUE, "我负责的督办任务已逾期",
                           {"leader": str(person_id), "light": "red"}))
    return found
