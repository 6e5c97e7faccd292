"""The cast of the orglife tests: 县财政局's first branch (where ``member`` and the clerk are),
its clerk, and a helper that records a meeting as the clerk would."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from dangjian.orglife.models import Meeting
from dangjian.orglife.services.meetings import meeting_record
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person

FINANCE_BRANCH = "县财政局机关第一党支部"
EDUCATION_BRANCH = "县教育局机关第一党支部"


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def branch(org: Callable[[str], Organization]) -> Organization:
    return org(FINANCE_BRANCH)


@pytest.fixture
def members() -> Callable[[Organization], list[Person]]:
    """The branch's party members (full and probationary), in a stable order."""

    def of(organization: Organization) -> list[Person]:
        return list(Person.objects.filter(
            organization__path__startswith=organization.path,
            party_status__in=[PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY],
        ).order_by("pk"))

    return of


@pytest.fixture
def record(user: Callable[[str], Any], members: Callable[[Organization], list[Person]],
           branch: Organization, today: date) -> Callable[..., Meeting]:
    """meeting_record as finance_clerk, everyone present unless told otherwise."""

    def make(**changes: Any) -> Meeting:
        organization = changes.pop("organization", branch)
        values: dict[str, Any] = {
            "actor": user("finance_clerk"), "organization": organization, "kind": "主题党日",
            "held_on": today - timedelta(days=1), "topic": "重温入党誓词",
            "attendees": members(organization), **changes}
        return meeting_record(**values)

    return make


@pytest.fixture
def cast(org: Callable[[str], Organization], user: Callable[[str], Any], today: date) -> Any:
    """A committee on the finance branch and two 委员 on its 党组 (``talk_cast``)."""
    from .talk_cast import FINANCE_GROUP, build_cast

    return build_cast(org(FINANCE_BRANCH), org(FINANCE_GROUP), user("finance_secretary").person,
                      user("member").person, today)
