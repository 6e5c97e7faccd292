"""The embedded default's scheduler: a daemon thread running each job of dangjian.core.jobs at its
wall-clock time of day (Asia/Shanghai), and at start every job whose time today has already
passed (the day's run was missed; the jobs are idempotent, so a second run sends nothing twice).

Production uses Celery beat instead (dangjian.celery, built from the same list); this runs only
when ``DANGJIAN_INPROCESS_SCHEDULER`` is set, which ``make run`` does. The planning is pure
functions of ``now``; the thread only sleeps until the earliest planned run.
"""

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from importlib import import_module
from typing import Any

from django.db import close_old_connections
from django.utils import timezone

from dangjian.core import jobs
from dangjian.core.jobs import Job

logger = logging.getLogger(__name__)
# The thread wakes at least this often, so that a wall clock set forward or back is noticed.
LONGEST_SLEEP = timedelta(hours=1)

Plan = dict[str, datetime]  # job name → when it runs next


def _at(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=jobs.TIMEZONE)


def next_run(at: time, now: datetime) -> datetime:
    """The first wall-clock ``at`` (Asia/Shanghai) strictly after ``now`` (aware, any zone)."""
    day = now.astimezone(jobs.TIMEZONE).date()
    today = _at(day, at)
    return today if today > now else _at(day + timedelta(days=1), at)


def first_run(at: time, now: datetime) -> datetime:
    """At start: ``now`` if today's run at ``at`` is already past (missed), else today at ``at``."""
    today = _at(now.astimezone(jobs.TIMEZONE).date(), at)
    return today if today > now else now


def start_plan(registry: Sequence[Job], now: datetime) -> Plan:
    return {job.name: first_run(job.at, now) for job in registry}


def take_due(registry: Sequence[Job], plan: Plan, now: datetime) -> tuple[list[Job], Plan]:
    """The jobs whose time has come (in the registry's order), and the plan with their next run."""
    due = [job for job in registry if plan[job.name] <= now]
    return due, {**plan, **{job.name: next_run(job.at, now) for job in due}}


def sleep_seconds(plan: Plan, now: datetime) -> float:
    """How long to sleep until the earliest planned run (at most LONGEST_SLEEP)."""
    return max(0.0, min(min(plan.values()) - now, LONGEST_SLEEP).total_seconds())


def _function(path: str) -> Callable[[], Any]:
    module, _, name = path.rpartition(".")
    return getattr(import_module(module), name)  # type: ignore[no-any-return]


def run_jobs(due: Sequence[Job]) -> None:
    for job in due:  # each independent: one failing must not keep the others from running
        try:
            logger.warning("每日任务 %s（%s）完成：%s", job.label, job.name,
                           _function(job.function)())
        except Exception:  # logged; the next day's run tries again
            logger.exception("每日任务 %s（%s）失败", job.label, job.name)


def run_daily_jobs() -> None:
    """Every job of the registry, now (a catch-up by hand; the tests)."""
    run_jobs(jobs.JOBS)


def _loop(stop: threading.Event, registry: Sequence[Job],
          now: Callable[[], datetime] = timezone.now,
          run: Callable[[Sequence[Job]], None] = run_jobs) -> None:
    plan = start_plan(registry, now())
    while not stop.is_set():
        due, plan = take_due(registry, plan, now())
        if due:
            try:
                run(due)
            finally:
                close_old_connections()  # a day's sleep outlives any database connection
        stop.wait(sleep_seconds(plan, now()))


def start() -> threading.Event:
    stop = threading.Event()
    threading.Thread(target=_loop, args=(stop, list(jobs.JOBS)), name="daily-jobs",
                     daemon=True).start()
    return stop
