"""The daily 督办 job: each step once, to the right desks."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core import management

from dangjian.access.models import User
from dangjian.notifications.models import Notification
from dangjian.tasks.models import Reminder, Task, TaskStatus
from dangjian.tasks.services.reminders import remind

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(deploy: Callable[..., dict], speech: str) -> Task:
    plan = deploy(speech)
    Task.objects.filter(plan_id=plan["id"]).exclude(number=1).update(
        status=TaskStatus.WITHDRAWN)  # one task keeps the counts readable
    return Task.objects.get(plan_id=plan["id"], number=1)


def _kinds(username: str) -> list[str]:
    user = User.objects.get(username=username)
    return sorted(Notification.objects.filter(recipient=user, kind__startswith="task.")
                  .exclude(kind="task.assigned").values_list("kind", flat=True))


def test_a_task_due_soon_reminds_the_unit_once(task: Task, today: date) -> None:
    Task.objects.filter(pk=task.pk).update(due_on=today)
    report = remind(today=today)
    assert report.taken["due_soon"] == 1 and report.overdue == 0
    assert "task.due_soon" in _kinds("finance_clerk")
    assert remind(today=today).taken["due_soon"] == 0


def test_an_overdue_task_is_marked_and_its_leader_and_secretary_hear(task: Task,
                                                                      today: date) -> None:
    Task.objects.filter(pk=task.pk).update(due_on=today - timedelta(days=1))
    remind(today=today)
    task.refresh_from_db()
    assert task.status == TaskStatus.OVERDUE
    assert "task.overdue" in _kinds("vice_head")
    assert "task.overdue" in _kinds("finance_secretary")
    assert "task.overdue" not in _kinds("finance_clerk")
    # A deadline moved and missed again is a new step.
    Task.objects.filter(pk=task.pk).update(due_on=today - timedelta(days=2),
                                           status=TaskStatus.IN_PROGRESS)
    assert remind(today=today).taken["overdue"] == 1
    assert Reminder.objects.filter(task=task, kind="overdue").count() == 2


def test_a_report_day_close_by_reminds_and_a_missed_one_is_flagged(task: Task) -> None:
    Task.objects.filter(pk=task.pk).update(due_on=date(2026, 12, 31))
    before = remind(today=date(2026, 11, 24))  # Tuesday; report due on the 25th
    assert before.taken["report_due"] == 1
    after = remind(today=date(2026, 11, 26))
    assert after.taken["report_late"] == 1
    assert Reminder.objects.get(task=task, kind="report_late").key == "2026-11"
    assert {"task.report_due", "task.report_late"} <= set(_kinds("finance_clerk"))


def test_a_report_sent_stops_the_reminders(task: Task, today: date) -> None:
    from dangjian.tasks.services.progress import task_report_progress

    Task.objects.filter(pk=task.pk).update(due_on=date(2026, 12, 31))
    task.refresh_from_db()
    task_report_progress(actor=User.objects.get(username="finance_clerk"), task=task,
                         text="本月进展")
    late = date(today.year, today.month, 26)
    assert remind(today=late).taken["report_late"] == 0


def test_the_command_runs_the_job(task: Task, capsys: pytest.CaptureFixture[str]) -> None:
    management.call_command("supervise")
    assert "扫描未完成任务" in capsys.readouterr().out
