"""What member development (发展党员) asks of the clerks and secretaries who keep it: steps
overdue, steps due within the week, 预备期 ending within a month. Each links to the register
filtered to exactly those records (``CandidateFilterSet``)."""

from typing import Any

from django.urls import reverse

from dangjian.access.roles import ROLE_RULES
from dangjian.access.scoping import roles_of
from dangjian.core.workbench import Kind, Todo

from . import selectors
from .filtersets import OVERDUE, THIS_WEEK, CandidateFilterSet

PROBATION_NOTICE_DAYS = 30

WAITING = (
    (Kind.OVERDUE, "发展党员步骤已逾期", {"due": OVERDUE}),
    (Kind.DUE, "发展党员步骤7日内到期", {"due": THIS_WEEK}),
    (Kind.DUE, f"预备期{PROBATION_NOTICE_DAYS}日内期满",
     {"probation_within": str(PROBATION_NOTICE_DAYS)}),
)


def todos(user: Any) -> list[Todo]:
    if not any(ROLE_RULES[role].enters_data for role in roles_of(user)):
        return []  # leaders read the register; the clerks record the steps
    rows = selectors.candidates_for(user)
    base = reverse("members:candidate_list")
    found = []
    for kind, label, query in WAITING:
        count = CandidateFilterSet(query, rows).qs.count()
        url = base + "?" + "&".join(f"{k}={v}" for k, v in query.items())
        found.append(Todo(kind, label, count, url))
    return found
