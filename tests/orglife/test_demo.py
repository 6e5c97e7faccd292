"""The demo year of meetings: realistic, imperfect, deterministic, with consistent rollups."""

import random
from collections.abc import Callable
from datetime import date

import pytest

from dangjian.orglife.demo import generate_meetings
from dangjian.orglife.models import Attendance, Meeting, MeetingRollup
from dangjian.orglife.services.compliance import compliance_report
from dangjian.orglife.services.rollups import recount
from dangjian.orgs.models import Organization, OrgKind

pytestmark = pytest.mark.django_db
# A year the demo county itself leaves empty, so these tests see only their own meetings.
YEAR = 2024
UNTIL = date(2026, 11, 27)


def _branches(org: Callable[[str], Organization]) -> list[Organization]:
    county = org("中共示范县委员会")
    return list(Organization.objects.filter(path__startswith=county.path, kind=OrgKind.BRANCH)
                .order_by("path")[:60])


def _snapshot() -> list[tuple]:
    meetings = Meeting.objects.filter(held_on__year=YEAR)
    return list(meetings.order_by("organization_id", "held_on", "kind").values_list(
        "organization_id", "kind", "held_on", "topic", "place"))


def test_the_same_rng_gives_the_same_meetings(org: Callable[[str], Organization]) -> None:
    branches = _branches(org)
    generate_meetings(branches=branches, year=YEAR, rng=random.Random(7), until=UNTIL)
    first = _snapshot()
    Attendance.objects.filter(meeting__held_on__year=YEAR).delete()
    Meeting.objects.filter(held_on__year=YEAR).delete()
    generate_meetings(branches=branches, year=YEAR, rng=random.Random(7), until=UNTIL)
    assert _snapshot() == first and first


def test_most_branches_comply_and_some_miss_meetings(org: Callable[[str], Organization]) -> None:
    branches = _branches(org)
    before = Meeting.objects.count()
    until = date(YEAR, 11, 27)  # the demo county's own year (2026) is already full
    created = generate_meetings(branches=branches, year=YEAR, rng=random.Random(2026),
                                until=until)
    assert created == Meeting.objects.count() - before
    assert not Meeting.objects.filter(held_on__year=YEAR, held_on__gt=until).exists()
    rollups = {(r.organization_id, r.kind, r.year): (r.count, r.months)
               for r in MeetingRollup.objects.all()}
    assert rollups == recount(Meeting.objects.all())
    county = org("中共示范县委员会")
    report = compliance_report(root=county, year=YEAR, as_of=until)
    ids = {b.pk for b in branches}
    with_gaps = {row.organization_id for row in report.gaps if row.organization_id in ids}
    assert 0 < len(with_gaps) < len(ids) / 2
    assert {row.kind for row in report.gaps if row.organization_id in with_gaps} & {
        "主题党日", "支部党员大会", "党课"}


def test_every_branch_assembly_of_the_demo_had_a_quorum(
    org: Callable[[str], Organization],
) -> None:
    generate_meetings(branches=_branches(org), year=YEAR, rng=random.Random(1), until=UNTIL)
    assemblies = Meeting.objects.filter(kind="支部党员大会", held_on__year=YEAR)
    assert assemblies.exists()
    for meeting in assemblies.prefetch_related("attendance"):
        voting = [a for a in meeting.attendance.all() if a.voting]
        assert sum(a.present for a in voting) * 2 > len(voting)
