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
# Every job below is idempotent (one row per step, dedupe keys), so a job whose worker dies is
# better run twice than lost: acknowledge only when it has finished.
app.conf.task_acks_late = True
app.conf.task_reject_on_worker_lost = True
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
    from dangjian.reminders import run_daily

    return run_daily()
