"""The daily jobs: one registry (dangjian.core.jobs) read by Celery beat and by the in-process
scheduler, which runs each job at its wall-clock time. The planning is tested as pure functions
of fixed moments; nothing sleeps."""

import threading
from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from dangjian.celery import app, beat_schedule, task_packages
from dangjian.core import jobs, scheduler
from dangjian.core.jobs import Job
from dangjian.core.scheduler import (
    first_run,
    next_run,
    run_daily_jobs,
    sleep_seconds,
    start_plan,
    take_due,
)
from dangjian.notifications.models import Notification
from dangjian.oversight.services.findings import finding_create
from dangjian.oversight.services.measures import measure_create

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = ZoneInfo("UTC")
CALLS: list[str] = []


def extra_job() -> str:
    CALLS.append("extra")
    return "做完了"


EXTRA = Job("tests.extra", "tests.test_scheduler.extra_job", time(23, 15), "测试任务")


def shanghai(*args: int) -> datetime:
    return datetime(*args, tzinfo=SHANGHAI)  # type: ignore[misc]


def test_every_daily_job_resolves_to_a_function() -> None:
    assert all(callable(scheduler._function(job.function)) for job in jobs.JOBS)


def test_every_job_is_a_celery_task_on_the_beat_schedule_at_its_time() -> None:
    app.loader.import_default_modules()  # what a worker does at start: autodiscovery
    schedule = app.conf.beat_schedule
    assert list(schedule) == [job.name for job in jobs.JOBS]
    for job in jobs.JOBS:
        assert schedule[job.name]["task"] == job.name and job.name in app.tasks, job.name
        crontab = schedule[job.name]["schedule"]
        assert crontab.hour == {job.at.hour} and crontab.minute == {job.at.minute}, job.name
    assert str(app.conf.timezone) == "Asia/Shanghai"


def test_a_job_added_to_the_registry_reaches_beat_and_the_in_process_scheduler(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(jobs, "JOBS", [*jobs.JOBS, EXTRA])
    entry = beat_schedule()[EXTRA.name]
    assert entry["task"] == EXTRA.name
    assert entry["schedule"].hour == {23} and entry["schedule"].minute == {15}
    assert "tests.test_scheduler" in task_packages()  # the worker looks for its task there
    # The in-process scheduler runs what the registry lists, and only that.
    monkeypatch.setattr(jobs, "JOBS", [EXTRA])
    CALLS.clear()
    run_daily_jobs()
    assert CALLS == ["extra"]


@pytest.mark.parametrize(("now", "at", "expected"), [
    # later the same day
    (shanghai(2031, 6, 1, 1, 0), time(2, 0), shanghai(2031, 6, 1, 2, 0)),
    # already past today: tomorrow, across midnight, the month and the year
    (shanghai(2031, 12, 31, 23, 50), time(2, 0), shanghai(2032, 1, 1, 2, 0)),
    (shanghai(2031, 12, 31, 23, 50), time(23, 55), shanghai(2031, 12, 31, 23, 55)),
    # exactly at the time: that run is the one being taken, the next is tomorrow's
    (shanghai(2031, 3, 1, 7, 30), time(7, 30), shanghai(2031, 3, 2, 7, 30)),
    # a UTC moment whose date is a day behind Beijing's: 23:00 UTC is 07:00 the next day
    (datetime(2031, 12, 31, 23, 0, tzinfo=UTC), time(2, 0), shanghai(2032, 1, 2, 2, 0)),
    (datetime(2031, 12, 31, 23, 0, tzinfo=UTC), time(7, 30), shanghai(2032, 1, 1, 7, 30)),
    # a leap day
    (shanghai(2032, 2, 28, 8, 0), time(7, 30), shanghai(2032, 2, 29, 7, 30)),
])
def test_the_next_run_is_the_next_wall_clock_time(
    now: datetime, at: time, expected: datetime,
) -> None:
    assert next_run(at, now) == expected


def test_at_start_a_job_whose_time_today_has_passed_runs_at_once() -> None:
    started = shanghai(2031, 12, 31, 9, 0)
    assert first_run(time(7, 30), started) == started  # today's run was missed
    assert first_run(time(23, 15), started) == shanghai(2031, 12, 31, 23, 15)
    # Just after midnight the day's runs are all still ahead: yesterday's is not "missed".
    assert first_run(time(2, 0), shanghai(2032, 1, 1, 0, 5)) == shanghai(2032, 1, 1, 2, 0)


def test_a_plan_takes_each_job_once_at_its_time_and_sleeps_until_the_next() -> None:
    registry = [Job("a", "x.a", time(2, 0), "甲"), Job("b", "x.b", time(7, 30), "乙"),
                Job("c", "x.c", time(23, 55), "丙")]
    started = shanghai(2031, 12, 31, 3, 0)
    plan = start_plan(registry, started)
    due, plan = take_due(registry, plan, started)
    assert [job.name for job in due] == ["a"]  # 02:00 was missed; 07:30 and 23:55 are ahead
    assert plan["a"] == shanghai(2032, 1, 1, 2, 0)
    assert take_due(registry, plan, started + timedelta(minutes=1))[0] == []
    assert sleep_seconds(plan, shanghai(2031, 12, 31, 7, 20)) == 600
    assert sleep_seconds(plan, started) == scheduler.LONGEST_SLEEP.total_seconds()
    due, plan = take_due(registry, plan, shanghai(2031, 12, 31, 7, 30))
    assert [job.name for job in due] == ["b"] and plan["b"] == shanghai(2032, 1, 1, 7, 30)
    # a late wake-up (the machine was suspended) takes what is due, once, across midnight
    due, plan = take_due(registry, plan, shanghai(2032, 1, 1, 2, 10))
    assert [job.name for job in due] == ["a", "c"]
    assert plan == {"a": shanghai(2032, 1, 2, 2, 0), "b": shanghai(2032, 1, 1, 7, 30),
                    "c": shanghai(2032, 1, 1, 23, 55)}
    assert sleep_seconds(plan, shanghai(2032, 1, 2, 3, 0)) == 0  # overdue: at once


class FakeClock(threading.Event):
    """A stop event whose wait moves a fake clock on instead of sleeping; stops at ``until``
    (or after a thousand waits: a loop that never moves on fails rather than hangs)."""

    def __init__(self, start: datetime, until: datetime) -> None:
        super().__init__()
        self.now, self.until, self.waits = start, until, 0

    def wait(self, timeout: float | None = None) -> bool:
        self.now += timedelta(seconds=timeout or 0)
        self.waits += 1
        if self.now >= self.until or self.waits > 1000:
            self.set()
        return self.is_set()


def test_the_thread_runs_each_job_at_its_time_over_two_days(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(scheduler, "close_old_connections", lambda: None)  # no database here
    registry = [Job("a", "x.a", time(2, 0), "甲"), Job("b", "x.b", time(7, 30), "乙")]
    clock = FakeClock(shanghai(2031, 12, 31, 5, 0), until=shanghai(2032, 1, 2, 5, 0))
    runs: list[tuple[str, datetime]] = []

    def run(due: Sequence[Job]) -> None:
        runs.extend((job.name, clock.now) for job in due)

    scheduler._loop(clock, registry, now=lambda: clock.now, run=run)
    assert runs == [("a", shanghai(2031, 12, 31, 5, 0)),  # missed today: at start
                    ("b", shanghai(2031, 12, 31, 7, 30)),
                    ("a", shanghai(2032, 1, 1, 2, 0)), ("b", shanghai(2032, 1, 1, 7, 30)),
                    ("a", shanghai(2032, 1, 2, 2, 0))]


@pytest.mark.django_db
def test_the_daily_jobs_run_in_process_and_twice_send_nothing_twice(
    user: Callable[[str], Any], org: Callable[[str], Any],
) -> None:
    today = timezone.localdate()
    finding = finding_create(actor=user("inspector"), organization=org("县财政局"),
                             source="派驻监督", category="作风建设", severity="一般",
                             description="公车私用", discovered_on=today - timedelta(days=20))
    measure_create(actor=user("finance_clerk"), finding=finding, description="追缴费用",
                   owner=user("finance_clerk").person, due_on=today - timedelta(days=2),
                   criterion="缴款凭证")
    before = Notification.objects.count()
    run_daily_jobs()
    after_first = Notification.objects.count()
    run_daily_jobs()
    assert after_first > before and Notification.objects.count() == after_first
