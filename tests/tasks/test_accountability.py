"""A task overdue by N working days (``LocalSettings.accountability_after_working_days``) raises
one 问责建议 to the inspectors through ``core.proposals`` (issue 13, item 10)."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import override_settings

from dangjian.calendar.services import add_working_days, working_days_between
from dangjian.notifications.models import Notification
from dangjian.oversight.models import Accountability
from dangjian.tasks.models import Reminder, Task, TaskStatus
from dangjian.tasks.rules import OVERDUE_ACCOUNTABILITY, local_settings
from dangjian.tasks.services.reminders import remind

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(deploy: Callable[..., dict], speech: str) -> Task:
    plan = deploy(speech)
    Task.objects.filter(plan_id=plan["id"]).exclude(number=1).update(
        status=TaskStatus.WITHDRAWN)
    return Task.objects.get(plan_id=plan["id"], number=1)


def _due_working_days_ago(today: date, n: int) -> date:
    """The day ``n`` working days before ``today`` (as the job counts them)."""
    day = today - timedelta(days=1)
    while working_days_between(start=day, end=today).days < n:
        day -= timedelta(days=1)
    return day


def _cases(task: Task) -> list[Accountability]:
    return list(Accountability.objects.filter(source__startswith=f"tasks.task:{task.pk}:"))


def test_the_default_is_ten_working_days_and_says_it_is_unverified() -> None:
    assert local_settings().accountability_after_working_days == 10
    assert OVERDUE_ACCOUNTABILITY.status == "待核实"


def test_one_working_day_short_raises_nothing(task: Task, today: date) -> None:
    due = _due_working_days_ago(today, 9)
    Task.objects.filter(pk=task.pk).update(due_on=due)
    assert remind(today=today).taken["accountability"] == 0
    assert _cases(task) == []


def test_overdue_by_n_working_days_raises_one_proposal_to_the_inspectors(
    task: Task, today: date, user: Callable[[str], object],
) -> None:
    due = _due_working_days_ago(today, 10)
    assert add_working_days(start=due, n=10).due <= today
    Task.objects.filter(pk=task.pk).update(due_on=due)
    report = remind(today=today)
    assert report.taken["accountability"] == 1
    [case] = _cases(task)
    assert case.organization == task.lead_unit and case.status == Accountability.Status.PROPOSED
    assert task.title[:20] in case.reason and "10个工作日" in case.reason
    assert Notification.objects.filter(recipient=user("inspector"),
                                       dedupe_key=f"accountability:{case.pk}").exists()
    # The next day's run, and a run repeated, raise nothing more.
    assert remind(today=today).taken["accountability"] == 0
    assert remind(today=today + timedelta(days=1)).taken["accountability"] == 0
    assert len(_cases(task)) == 1
    assert Reminder.objects.filter(task=task, kind="accountability").count() == 1


def test_a_lost_step_row_still_opens_one_case(task: Task, today: date) -> None:
    # The unique source makes the register idempotent even if the step row is gone.
    Task.objects.filter(pk=task.pk).update(due_on=_due_working_days_ago(today, 12))
    remind(today=today)
    Reminder.objects.filter(task=task, kind="accountability").delete()
    remind(today=today)
    assert len(_cases(task)) == 1


@override_settings(DANGJIAN_TASKS={"accountability_after_working_days": 0})
def test_a_county_may_turn_it_off(task: Task, today: date) -> None:
    Task.objects.filter(pk=task.pk).update(due_on=_due_working_days_ago(today, 30))
    assert remind(today=today).taken["accountability"] == 0
    assert _cases(task) == []


def test_a_done_task_raises_nothing(task: Task, today: date) -> None:
    Task.objects.filter(pk=task.pk).update(due_on=_due_working_days_ago(today, 15),
                                           status=TaskStatus.DONE)
    remind(today=today)
    assert _cases(task) == []
