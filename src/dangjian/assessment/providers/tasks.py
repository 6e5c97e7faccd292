"""Providers reading 督查督办 (tasks): tasks closed on time and progress reports sent on time,
through the tasks app's selectors (tasks_for, period_of, reported_periods)."""

from datetime import date
from typing import Any

from dangjian.orgs.models import Organization
from dangjian.tasks.models import ProgressReport, ReportCycle, Task, TaskStatus
from dangjian.tasks.selectors import period_of, tasks_for

from . import KEYS, Outcome, Period, Provider, register
from .common import Reader, as_of, rate_points, rate_text, refs, unit_of

AUTO = frozenset({"AUTO"})


def _tasks(target: Organization) -> Any:
    unit = unit_of(target)
    return tasks_for(Reader(unit)).filter(lead_unit__path__startswith=unit.path).exclude(
        status=TaskStatus.WITHDRAWN)


def closed_on_time(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """Of the tasks the unit leads that fell due in the period (so far), those completed by
    their deadline."""
    judged = as_of(period, params)
    due = list(_tasks(target).filter(due_on__gte=period.start, due_on__lte=judged)
               .order_by("due_on", "id").values_list("pk", "status", "completed_on", "due_on"))
    on_time = [pk for pk, status, done_on, due_on in due
               if status == TaskStatus.DONE and done_on is not None and done_on <= due_on]
    missed = [pk for pk, *_ in due if pk not in set(on_time)]
    rate, points = rate_points(len(on_time), len(due), params)
    return Outcome({"on_time": len(on_time), "due": len(due), "rate": rate_text(rate),
                    "missed": missed[:100]}, points, refs("tasks.Task", [row[0] for row in due]))


def _deadlines(task: Task, start: date, end: date) -> list[tuple[str, date]]:
    """The task's reporting periods whose deadline falls in [start, end]."""
    out = []
    year, month = start.year, start.month
    while date(year, month, 1) <= end:
        period = period_of(task, date(year, month, 1))
        if (period is not None and period.deadline.month == month
                and start <= period.deadline <= end):
            out.append((period.key, period.deadline))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def reports_on_time(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """Of the progress reports owed in the period (a reporting task open at the deadline),
    those sent by the deadline."""
    judged = as_of(period, params)
    tasks = list(_tasks(target).exclude(report_cycle=ReportCycle.NONE).filter(
        created_at__date__lte=judged).order_by("id"))
    sent: dict[tuple[int, str], tuple[int, date]] = {}
    for pk, task_id, key, on in (ProgressReport.objects.filter(task__in=tasks)
                                 .order_by("reported_on", "id")
                                 .values_list("pk", "task_id", "period", "reported_on")):
        sent.setdefault((task_id, key), (pk, on))
    owed = on_time = 0
    basis: list[int] = []
    missed: list[list[Any]] = []
    for task in tasks:
        for key, deadline in _deadlines(task, period.start, judged):
            if task.created_at.date() > deadline:
                continue
            if task.completed_on is not None and task.completed_on <= deadline:
                continue
            owed += 1
            report = sent.get((task.pk, key))
            if report is not None and report[1] <= deadline:
                on_time += 1
                basis.append(report[0])
            else:
                missed.append([task.pk, key])
    rate, points = rate_points(on_time, owed, params)
    return Outcome({"on_time": on_time, "owed": owed, "rate": rate_text(rate),
                    "missed": missed[:100]}, points,
                   refs("tasks.Task", sorted({t for t, _ in missed}))
                   + refs("tasks.ProgressReport", basis))


register(Provider("tasks.closed_on_time", KEYS["tasks.closed_on_time"], AUTO, closed_on_time))
register(Provider("tasks.reports_on_time", KEYS["tasks.reports_on_time"], AUTO,
                  reports_on_time))
