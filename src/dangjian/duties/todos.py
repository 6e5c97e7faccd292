"""What waits in 主体责任 (the workbench contract, ``core.workbench``): the duties recorded by
hand that have no 履责记实 yet this year (or, for quarterly and monthly ones, this quarter) —
a leader's own lists, and a unit's lists for its clerk or secretary. Each count is the rows of
the linked, filtered 责任事项 list."""

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.workbench import Kind, Todo

from . import selectors
from .filtersets import Done, owed_this_quarter, owed_this_year

UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


def _url(**query: Any) -> str:
    return f"{reverse('duties:responsibilityitem_list')}?{urlencode(query)}"


def todos(user: Any) -> list[Todo]:
    today = timezone.localdate()
    items = selectors.items_for(user)
    owed = [(Done.OWED_THIS_YEAR, "本年度尚无履责记实", items.filter(owed_this_year(today))),
            (Done.OWED_THIS_QUARTER, "本季度尚无履责记实", items.filter(owed_this_quarter(today)))]
    found = []
    person_id = getattr(user, "person_id", None)
    for done, words, rows in owed:
        if person_id:
            found.append(Todo(Kind.REPORT, f"我的责任事项{words}",
                              rows.filter(list__person_id=person_id).count(),
                              _url(year=today.year, done=done, mine="true")))
        if roles_of(user) & UNIT_ROLES:
            found.append(Todo(Kind.REPORT, f"本单位责任事项{words}", rows.count(),
                              _url(year=today.year, done=done)))
    return found
