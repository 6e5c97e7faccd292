"""The daily 督办 job: reminders before a deadline or a report day, 逾期 and a 督办 reminder
onto the responsible leader's desk when a deadline passes. Each step is taken once."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.selectors import user_of, users_covering
from dangjian.audit.services import record
from dangjian.calendar.services import add_working_days, working_days_between
from dangjian.core.proposals import Proposal, propose
from dangjian.notifications.services import notify

from ..models import OPEN_STATUSES, Reminder, Task
from ..rules import local_settings
from ..selectors import lights, period_of, reported_periods, with_next_due
from .tasks import task_mark_overdue

Kind = Reminder.Kind
UNIT_ROLES: set[str] = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


@dataclass
class ReminderReport:
    scanned: int = 0
    overdue: int = 0  # tasks newly marked 逾期
    taken: dict[str, int] = field(default_factory=lambda: {k.value: 0 for k in Kind})


def remind(*, today: date | None = None) -> ReminderReport:
    cut = lights(today)
    today = cut.today
    report = ReminderReport()
    report_window = add_working_days(start=today, n=local_settings().report_reminder_working_days)
    tasks = list(with_next_due(Task.objects.filter(status__in=OPEN_STATUSES))
                 .select_related("lead_unit", "leader", "plan").order_by("id"))
    periods = reported_periods(tasks)
    done = set(Reminder.objects.filter(task__in=tasks).values_list("task_id", "kind", "key"))
    for task in tasks:
        report.scanned += 1
        if task.due_on < today and task_mark_overdue(task=task, today=today):
            report.overdue += 1
        for kind, key in _due_steps(task, cut.light(task.next_due), today,  # type: ignore[attr-defined]
                                    report_window.due, periods[task.pk]):
            if (task.pk, kind, key) not in done and _take(task, kind, key, today):
                report.taken[kind] += 1
    return report


def _due_steps(task: Task, light: str, today: date, window_end: date,
               reported: set[str]) -> list[tuple[str, str]]:
    due_key = task.next_due.isoformat()  # type: ignore[attr-defined]
    steps: list[tuple[str, str]] = []
    if light == "yellow":
        steps.append((Kind.DUE_SOON, due_key))
    elif light == "red":
        steps.append((Kind.OVERDUE, due_key))
        limit = local_settings().accountability_after_working_days
        if limit and task.due_on < today and _overdue_working_days(task.due_on, today) >= limit:
            steps.append((Kind.ACCOUNTABILITY, task.due_on.isoformat()))
    period = period_of(task, today)
    if period is not None and period.key not in reported:
        if today > period.deadline:
            steps.append((Kind.REPORT_LATE, period.key))
        elif period.deadline <= window_end:
            steps.append((Kind.REPORT_DUE, period.key))
    return steps


def _overdue_working_days(due_on: date, today: date) -> int:
    return working_days_between(start=due_on, end=today).days


def _take(task: Task, kind: str, key: str, today: date) -> bool:
    """One step in its own transaction; a concurrent run that got there first makes it a no-op."""
    try:
        with transaction.atomic():
            Reminder.objects.create(task=task, kind=kind, key=key, taken_on=today)
            ACTIONS[kind](task, key, today)
            record(actor=None, action=f"task.{kind}", target=task, after={"key": key})
    except IntegrityError:
        return False
    return True


def _tell_unit(task: Task, kind: str, title: str, body: str, key: str,
               roles: set[str] | None = None) -> None:
    for user in users_covering(task.lead_unit, roles or UNIT_ROLES):
        notify(recipient=user, kind=f"task.{kind}", title=title, body=body,
               dedupe_key=f"task:{task.pk}:{kind}:{key}", link="/tasks/")


def _due_soon(task: Task, key: str, today: date) -> None:
    _tell_unit(task, Kind.DUE_SOON, "督办任务即将到期",
               f"“{task.title[:40]}”将于{date.fromisoformat(key):%Y年%m月%d日}到期。", key)


def _overdue(task: Task, key: str, today: date) -> None:
    """督办: the responsible leader's inbox and desk, and the lead unit's secretary."""
    body = (f"{task.lead_unit}牵头的“{task.title[:40]}”已于"
            f"{date.fromisoformat(key):%Y年%m月%d日}到期未完成，请督促办理。")
    leader = user_of(task.leader)
    if leader is not None:
        notify(recipient=leader, kind="task.overdue", title="督办：任务逾期（红灯）", body=body,
               dedupe_key=f"task:{task.pk}:overdue:{key}", link="/tasks/")
    _tell_unit(task, Kind.OVERDUE, "督办：任务逾期（红灯）", body, key, {Role.UNIT_SECRETARY})


def _report_due(task: Task, key: str, today: date) -> None:
    period = period_of(task, today)
    deadline = f"{period.deadline:%m月%d日}" if period else "规定时间"
    _tell_unit(task, Kind.REPORT_DUE, "请报送督办任务进展",
               f"“{task.title[:40]}”本期进展请于{deadline}前报送。", key)


def _report_late(task: Task, key: str, today: date) -> None:
    _tell_unit(task, Kind.REPORT_LATE, "督办任务进展未按期报送",
               f"“{task.title[:40]}”{key}期进展未按期报送，请尽快补报。", key)


def _accountability(task: Task, key: str, today: date) -> None:
    """问责建议 (OVERDUE_ACCOUNTABILITY) to the inspectors, through ``core.proposals``: tasks
    may not import oversight, which keeps the register. One per task and deadline."""
    limit = local_settings().accountability_after_working_days
    leader = f"，责任领导{task.leader.name}" if task.leader_id else ""
    propose(Proposal(
        organization=task.lead_unit,
        reason=f"督查任务“{task.title[:60]}”（{task.lead_unit}牵头{leader}）"
               f"于{date.fromisoformat(key):%Y年%m月%d日}到期，逾期超过{limit}个工作日仍未完成",
        source=f"tasks.task:{task.pk}:{key}"))


ACTIONS: dict[str, Any] = {
    Kind.DUE_SOON: _due_soon,
    Kind.OVERDUE: _overdue,
    Kind.REPORT_DUE: _report_due,
    Kind.REPORT_LATE: _report_late,
    Kind.ACCOUNTABILITY: _accountability,
}


def run_daily() -> ReminderReport:
    """Entry point for Celery beat and ``dangjian supervise``."""
    return remind(today=timezone.localdate())

