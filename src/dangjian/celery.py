"""Celery for production: Redis broker, beat running the daily escalation.

The embedded default needs none of this: ``dangjian escalate`` runs the same job, and
``make run`` starts an in-process daily timer (oversight.scheduler).
"""

import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dangjian.settings.production")

app = Celery("dangjian")
app.conf.broker_url = os.environ.get("DANGJIAN_BROKER_URL", "redis://127.0.0.1:6379/0")
app.conf.timezone = "Asia/Shanghai"
# Acknowledged on receipt (Celery's default), not late: with an unacknowledged job in hand, a
# lost Redis connection makes kombu restore it on a connection that is gone, and the worker
# dies ("Unrecoverable error: AttributeError … hostname", seen in the fault drill; kombu
# issues 582 and 970). Every job below catches up by itself: a run lost with its worker is
# made good by the next day's, which takes every step still due (one row per step).
# The broker may be restarted (fault drill): keep reconnecting rather than exit.
app.conf.broker_connection_retry_on_startup = True
app.conf.broker_connection_max_retries = None
app.conf.beat_schedule = {
    "oversight-escalate-daily": {
        "task": "oversight.escalate_daily",
        "schedule": crontab(hour=7, minute=30),  # before office hours, so reminders are read
    },
    "tasks-supervise-daily": {  # 督办 reminders for tasks due or overdue
        "task": "tasks.supervise_daily",
        "schedule": crontab(hour=7, minute=40),
    },
    "monthly-due-daily": {  # 本月待办 to branch clerks; sends once a month
        "task": "dangjian.monthly_due",
        "schedule": crontab(hour=7, minute=50),
    },
    "sweep-files-daily": {  # files left by uploads cut off mid-way (dangjian.ops.orphans)
        "task": "ops.sweep_files",
        "schedule": crontab(hour=2, minute=30),
    },
    "access-daily": {  # idle accounts disabled, expired sessions removed
        "task": "access.daily",
        "schedule": crontab(hour=2, minute=0),
    },
}
app.autodiscover_tasks(
    ["dangjian.oversight", "dangjian.tasks", "dangjian.access", "dangjian.ops"])


@app.task(name="dangjian.monthly_due")
def monthly_due() -> int:
    from dangjian.orglife.services.reminders import run_daily

    return run_daily()
