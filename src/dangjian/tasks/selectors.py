"""Reads for task pages, exports, jobs and other apps, always through access.scoping.

Other apps (duties' evidence providers, assessment) read tasks here, never the tables.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Min, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Least

from dangjian.access.scoping import restrict
from dangjian.calendar.lights import LightCutoffs, cutoffs
from dangjian.orgs.models import Organization
from dangjian.people.models import Charge, Person, Post, PostTitle

from .matching import UNIT_KINDS, UNIT_MAX_DEPTH
from .models import (
    OPEN_STATUSES,
    Bulletin,
    Plan,
    ProgressReport,
    ReportCycle,
    Task,
    TaskStatus,
)
from .rules import local_settings

LEADER_TITLES = (PostTitle.SECRETARY, PostTitle.DEPUTY_SECRETARY, PostTitle.COUNTY_HEAD,
                 PostTitle.VICE_COUNTY_HEAD, PostTitle.DIRECTOR, PostTitle.DEPUTY_DIRECTOR,
                 PostTitle.TOWNSHIP_HEAD)


def lights(today: date | None = None) -> LightCutoffs:
    """The calendar's lights with the county's yellow window; computed once per request."""
    return cutoffs(yellow_working_days=local_settings().yellow_working_days, today=today)


def with_next_due(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """``next_due``: the earliest open milestone or the deadline, whichever comes first."""
    open_milestone = Min("milestones__due_on", filter=Q(milestones__done_on__isnull=True))
    return tasks.annotate(next_due=Least("due_on", Coalesce(open_milestone, "due_on")))


def by_light(tasks: QuerySet[Task], light: str, cut: LightCutoffs) -> QuerySet[Task]:
    """Filter annotated tasks by light: closed tasks are green, as in the oversight loop."""
    open_tasks = Q(status__in=OPEN_STATUSES)
    if light == "red":
        return tasks.filter(open_tasks, next_due__lt=cut.today)  # type: ignore[misc]
    if light == "yellow":
        return tasks.filter(  # type: ignore[misc]  # next_due: annotated by with_next_due
            open_tasks, next_due__gte=cut.today, next_due__lte=cut.yellow_until)
    if light == "green":
        return tasks.exclude(open_tasks & Q(next_due__lte=cut.yellow_until))
    return tasks.none()


def tasks_for(user: Any) -> QuerySet[Task]:
    return with_next_due(restrict(Task.objects.all(), user)).select_related(
        "plan", "lead_unit", "leader").prefetch_related("co_units")


def with_latest_progress(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """``latest_progress``: the text of each task's last report, in the same query."""
    latest = ProgressReport.objects.filter(task=OuterRef("pk")).order_by("-reported_on", "-id")
    return tasks.annotate(latest_progress=Subquery(latest.values("text")[:1]))


def light_of(task: Task, cut: LightCutoffs) -> str:
    due = getattr(task, "next_due", task.due_on)
    return cut.light(due if task.is_open else None)


def with_lights(tasks: Any, cut: LightCutoffs) -> list[Task]:
    out = []
    for task in tasks:
        task.light = light_of(task, cut)  # type: ignore[attr-defined]
        out.append(task)
    return out


def plans_for(user: Any) -> QuerySet[Plan]:
    return restrict(Plan.objects.all(), user).select_related("organization").annotate(
        task_count=Count("tasks", filter=~Q(tasks__status=TaskStatus.WITHDRAWN), distinct=True))


def bulletins_for(user: Any) -> QuerySet[Bulletin]:
    return restrict(Bulletin.objects.all(), user).select_related("organization", "plan")


def unit_choices(user: Any) -> QuerySet[Organization]:
    """The units a task can be given to, within what the user sees."""
    units = Organization.objects.filter(kind__in=UNIT_KINDS, depth__lte=UNIT_MAX_DEPTH)
    return restrict(units, user).order_by("path")


def leaders_for(user: Any) -> QuerySet[Person]:
    """Leaders who may be made responsible: holders of a leading post in the user's scope,
    and the county leaders in charge (分管) of a unit in it."""
    visible = restrict(Organization.objects.all(), user).values("pk")
    posts = Post.objects.current().filter(title__in=LEADER_TITLES, organization__in=visible)
    charges = Charge.objects.current().filter(organization__in=visible)
    return Person.objects.filter(
        Q(pk__in=posts.values("person")) | Q(pk__in=charges.values("leader"))
    ).order_by("name", "id")


# --- reporting periods --------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    key: str  # "2026-11" or "2026-Q4"
    label: str  # "2026年11月" or "2026年第四季度"
    deadline: date  # reports are due by this day of the period's last month


def period_of(task: Task, on: date) -> Period | None:
    if task.report_cycle == ReportCycle.MONTHLY:
        return Period(f"{on:%Y-%m}", f"{on.year}年{on.month}月",
                      date(on.year, on.month, task.report_day))
    if task.report_cycle == ReportCycle.QUARTERLY:
        quarter = (on.month - 1) // 3 + 1
        return Period(f"{on.year}-Q{quarter}", f"{on.year}年第{'一二三四'[quarter - 1]}季度",
                      date(on.year, quarter * 3, task.report_day))
    return None


def report_state(task: Task, on: date, reported_periods: set[str]) -> str:
    """本期已报送 / 待报送 / 逾期未报 for the task's current period; "" when none is due."""
    period = period_of(task, on)
    if period is None or not task.is_open:
        return ""
    if period.key in reported_periods:
        return "本期已报送"
    return "逾期未报" if on > period.deadline else "待报送"


def reported_periods(tasks: list[Task]) -> dict[int, set[str]]:
    """Each task's reported periods, in one query for a page of tasks."""
    out: dict[int, set[str]] = {task.pk: set() for task in tasks}
    rows = ProgressReport.objects.filter(task__in=tasks).values_list("task_id", "period")
    for task_id, period in rows.distinct():
        out[task_id].add(period)
    return out


# --- overviews ----------------------------------------------------------------------------


def overview(user: Any, cut: LightCutoffs, by: str) -> list[dict[str, Any]]:
    """Counts per responsible leader (``by="leader"``) or lead unit, red first."""
    key, name = {"leader": ("leader_id", "leader__name"),
                 "unit": ("lead_unit_id", "lead_unit__name")}[by]
    tasks = restrict(Task.objects.exclude(status=TaskStatus.WITHDRAWN), user)
    # Two flat queries: a light needs next_due, itself an aggregate, so the grouping is here.
    due = dict(with_next_due(tasks).values_list("pk", "next_due"))  # type: ignore[misc]
    rows: dict[int, dict[str, Any]] = {}
    for task_id, group, label, status in tasks.values_list("pk", key, name, "status"):
        row = rows.setdefault(group, {"name": label, "total": 0, "done": 0, "open": 0,
                                      "red": 0, "yellow": 0})
        row["total"] += 1
        if status == TaskStatus.DONE:
            row["done"] += 1
        elif status in OPEN_STATUSES:
            row["open"] += 1
            light = cut.light(due[task_id])
            if light in ("red", "yellow"):
                row[light] += 1
    return sorted(rows.values(), key=lambda r: (-r["red"], -r["yellow"], r["name"]))


# --- for other apps (duties' evidence of a leader's or a unit's year) --------------------------


def completed_in(user: Any, start: date, end: date, **where: Any) -> QuerySet[Task]:
    """Tasks completed in the span, e.g. ``leader=person`` or ``lead_unit__path__startswith``."""
    return restrict(Task.objects.filter(status=TaskStatus.DONE, completed_on__gte=start,
                                        completed_on__lte=end, **where), user)


def overdue_in(user: Any, today: date, **where: Any) -> QuerySet[Task]:
    """Open tasks past their deadline (or an open milestone's), whatever the job has marked."""
    open_tasks = restrict(Task.objects.filter(status__in=OPEN_STATUSES, **where), user)
    return with_next_due(open_tasks).filter(next_due__lt=today)  # type: ignore[misc]


def plans_confirmed_in(user: Any, start: date, end: date, **where: Any) -> QuerySet[Plan]:
    """Plans whose first version was confirmed in the span (``deployed_at``): work deployed."""
    deployed = Min("revisions__confirmed_at", filter=Q(revisions__number=1))
    return restrict(Plan.objects.filter(**where), user).annotate(deployed_at=deployed).filter(
        deployed_at__date__gte=start, deployed_at__date__lte=end)
