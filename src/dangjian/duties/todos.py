"""What waits in 主体责任 (the workbench contract, ``core.workbench``): quarterly and monthly
duties with no 履责记实 yet this quarter — a leader's own, and a unit's for its clerk or
secretary. Each count is the rows of the linked, filtered 责任事项 list."""

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.workbench import Kind, Todo

from . import selectors
from .filtersets import Done, not_recorded_this_quarter

UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


def _url(**query: Any) -> str:
    return f"{reverse('duties:responsibilityitem_list')}?{urlencode(query)}"


def todos(user: Any) -> list[Todo]:
    today = timezone.localdate()
    waiting = selectors.items_for(user).filter(not_recorded_this_quarter(today))
    found = []
    person_id = getattr(user, "person_id", None)
    if person_id:
        found.append(Todo(Kind.REPORT, "我的责任事项本季度未记实",
                          waiting.filter(list__person_id=person_id).count(),
                          _url(year=today.year, done=Done.NOT_THIS_QUARTER, mine="true")))
    if roles_of(user) & UNIT_ROLES:
        found.append(Todo(Kind.REPORT, "本单位责任事项本季度未记实", waiting.count(),
                          _url(year=today.year, done=Done.NOT_THIS_QUARTER)))
    return found
