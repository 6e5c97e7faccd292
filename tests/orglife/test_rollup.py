"""The yearly rollup stays equal to a recount of the meetings, whatever happens to them."""

import random
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.utils import timezone

from dangjian.orglife.models import Meeting, MeetingRollup
from dangjian.orglife.services.meetings import meeting_delete
from dangjian.orglife.services.rollups import recount, rollups_rebuild
from dangjian.orgs.models import Organization

from .conftest import FINANCE_BRANCH

pytestmark = pytest.mark.django_db

KINDS = ["主题党日", "支部党员大会", "党课", "组织生活会"]
YEARS = [2023, 2024]  # years the demo county leaves empty


def _rollup_table() -> dict[tuple[int, str, int], tuple[int, int]]:
    return {(r.organization_id, r.kind, r.year): (r.count, r.months)
            for r in MeetingRollup.objects.all()}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_after_random_records_and_withdrawals_the_rollup_equals_a_recount(
    seed: int, record: Callable[..., Meeting], user: Callable[[str], object],
    org: Callable[[str], Organization],
) -> None:
    rng = random.Random(seed)
    branches = [org(FINANCE_BRANCH), org("县财政局机关第二党支部")]
    kept: list[Meeting] = []
    for _ in range(40):
        if kept and rng.random() < 0.25:
            meeting_delete(actor=user("finance_clerk"), meeting=kept.pop(rng.randrange(len(kept))),
                           reason="重复登记")
            continue
        held_on = date(rng.choice(YEARS), rng.randint(1, 12), rng.randint(1, 28))
        kept.append(record(organization=rng.choice(branches), kind=rng.choice(KINDS),
                           held_on=held_on))
    assert _rollup_table() == recount(Meeting.objects.all())
    ours = [count for (_, _, year), (count, _) in _rollup_table().items() if year in YEARS]
    assert sum(ours) == len(kept)


def test_withdrawing_the_only_meeting_of_a_month_clears_that_month(
    record: Callable[..., Meeting], user: Callable[[str], object],
) -> None:
    first = record(held_on=date(2024, 4, 3))  # 2024: a year the demo county leaves empty
    record(held_on=date(2024, 5, 3))
    meeting_delete(actor=user("finance_clerk"), meeting=first, reason="日期录错")
    rollup = MeetingRollup.objects.get(organization=first.organization, kind=first.kind,
                                       year=2024)
    assert (rollup.count, rollup.held_in(4), rollup.held_in(5)) == (1, False, True)


def test_withdrawing_needs_a_reason(record: Callable[..., Meeting],
                                   user: Callable[[str], object]) -> None:
    meeting = record()
    with pytest.raises(Exception, match="必须说明理由"):
        meeting_delete(actor=user("finance_clerk"), meeting=meeting, reason=" ")
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_rebuild_repairs_a_rollup_that_drifted(record: Callable[..., Meeting]) -> None:
    held_on = timezone.localdate() - timedelta(days=3)
    meeting = record(held_on=held_on)
    MeetingRollup.objects.filter(organization=meeting.organization).update(count=99, months=0)
    for year in {held_on.year, timezone.localdate().year}:  # the demo fills this year too
        rollups_rebuild(organization_ids=[meeting.organization_id], year=year)
    assert _rollup_table() == recount(Meeting.objects.all())
