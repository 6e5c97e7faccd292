"""Celery for production: Redis broker, beat running the daily jobs of dangjian.core.jobs.

The embedded default needs none of this: ``make run`` starts the in-process scheduler
(dangjian.core.scheduler), which reads the same list; ``dangjian escalate`` runs one job by hand.
"""

import os
from typing import Any

from celery import Celery
from celery.schedules import crontab

from dangjian.core import jobs

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangjian.settings.production")

app = Celery("dangjian")
app.conf.broker_url = os.environ.get("DANGJIAN_BROKER_URL", "redis://127.0.0.1:6379/0")
app.conf.timezone = jobs.TIMEZONE.key
# Acknowledged on receipt (Celery's default), not late: with an unacknowledged job in hand, a
# lost Redis connection makes kombu restore it on a connection that is gone, and the worker
# dies ("Unrecoverable error: AttributeError … hostname", seen in the fault drill; kombu
# issues 582 and 970). Every job of dangjian.core.jobs catches up by itself: a run lost with its
# worker is made good by the next day's, which takes every step still due (one row per step).
# The broker may be restarted (fault drill): keep reconnecting rather than exit.
app.conf.broker_connection_retry_on_startup = True
app.conf.broker_connection_max_retries = None


def beat_schedule() -> dict[str, dict[str, Any]]:
    """One entry per job of the registry, at its time of day on the county's clock."""
    return {job.name: {"task": job.name, "schedule": crontab(hour=job.at.hour,
                                                            minute=job.at.minute)}
            for job in jobs.JOBS}


def task_packages() -> list[str]:
    """The apps whose ``tasks.py`` a worker imports: those of the registry's jobs."""
    return sorted({job.app for job in jobs.JOBS})


app.conf.beat_schedule = beat_schedule()
app.autodiscover_tasks(task_packages)
