"""本月待办: branch clerks hear once a month what falls due."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.utils import timezone

from dangjian.celery import app
from dangjian.notifications.models import Notification
from dangjian.reminders import monthly_due, remind_monthly

pytestmark = pytest.mark.django_db

# The demo county's year is filled up to the day the suite runs; a month of next year has
# every monthly meeting still to hold.
JUNE_NEXT_YEAR = date(timezone.localdate().year + 1, 6, 10)


def test_a_clerk_hears_of_the_months_meetings_and_the_visit_season(
    user: Callable[[str], Any],
) -> None:
    due = monthly_due(user("finance_clerk"), JUNE_NEXT_YEAR)
    assert "县财政局机关第一党支部" in due.meetings
    assert "主题党日" in due.meetings["县财政局机关第一党支部"]
    assert all(name.startswith("县财政局") for name in due.meetings)  # scoped to the unit
    assert due.visit_season == "七一"
    assert "七一走访慰问" in due.text(6)


def test_the_notice_goes_once_a_month_to_each_unit_clerk_and_secretary(
    user: Callable[[str], Any],
) -> None:
    first = remind_monthly(today=JUNE_NEXT_YEAR)
    again = remind_monthly(today=JUNE_NEXT_YEAR)
    notes = Notification.objects.filter(kind="monthly.due",
                                        dedupe_key=f"monthly:{JUNE_NEXT_YEAR:%Y-%m}")
    assert first >= 3 and again == 0
    assert {"finance_clerk", "finance_secretary", "edu_clerk"} <= set(
        notes.values_list("recipient__username", flat=True))
    assert not notes.filter(recipient__username__in=["member", "county_head"]).exists()


def test_the_monthly_reminder_is_on_the_beat_schedule() -> None:
    entry = app.conf.beat_schedule["monthly-due-daily"]
    assert entry["task"] == "dangjian.monthly_due" and entry["task"] in app.tasks


def test_a_talk_due_this_month_is_on_the_clerks_list(
    user: Callable[[str], Any], org: Callable[[str], Any],
) -> None:
    from dangjian.members.services.candidates import candidate_open
    from dangjian.people.idnumber import synthesise

    candidate_open(actor=user("finance_clerk"), organization=org("县财政局机关第一党支部"),
                   applied_on=date(2026, 11, 5), name="林新", gender="女",
                   birth_date=date(2000, 3, 2),
                   id_number=synthesise("990001", date(2000, 3, 2), 2))
    # 发展党员工作细则 第七条: the talk within one month of the application, by 2026-12-05
    december = monthly_due(user("finance_clerk"), date(2026, 12, 1))
    assert any(line.startswith("林新：") and "2026年12月" in line for line in december.steps)
    assert not monthly_due(user("edu_clerk"), date(2026, 12, 1)).steps
