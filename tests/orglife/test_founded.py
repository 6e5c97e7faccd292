"""A meeting cannot predate the organisation that held it (issue 5, bad input)."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from dangjian.audit.models import AuditEvent
from dangjian.orglife.models import Attendance, Meeting, MeetingRollup
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db


def _found(branch: Organization, on: date) -> None:
    branch.founded_on = on
    branch.save(update_fields=["founded_on"])


def test_a_meeting_before_the_founding_date_is_refused_and_nothing_saved(
    record: Callable[..., Meeting], branch: Organization, today: date,
) -> None:
    founded = today - timedelta(days=30)
    _found(branch, founded)
    before = (Meeting.objects.count(), Attendance.objects.count(),
              MeetingRollup.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as refused:
        record(held_on=founded - timedelta(days=1))
    assert refused.value.message_dict == {
        "held_on": [f"会议日期早于该组织的成立日期（{founded:%Y年%m月%d日}）"]}
    after = (Meeting.objects.count(), Attendance.objects.count(),
             MeetingRollup.objects.count(), AuditEvent.objects.count())
    assert after == before, "a refused meeting must leave no Meeting, attendance, rollup or audit"


@pytest.mark.parametrize("days_after", [0, 1])
def test_a_meeting_on_or_after_the_founding_date_is_recorded(
    record: Callable[..., Meeting], branch: Organization, today: date, days_after: int,
) -> None:
    founded = today - timedelta(days=30)
    _found(branch, founded)
    meeting = record(held_on=founded + timedelta(days=days_after))
    assert meeting.held_on == founded + timedelta(days=days_after)
    assert AuditEvent.objects.filter(action="meeting.record", object_id=str(meeting.pk)).exists()


def test_without_a_founding_date_any_past_date_is_accepted(
    record: Callable[..., Meeting], branch: Organization,
) -> None:
    assert branch.founded_on is None
    meeting = record(held_on=date(1990, 7, 1))
    assert Meeting.objects.filter(pk=meeting.pk, held_on=date(1990, 7, 1)).exists()
