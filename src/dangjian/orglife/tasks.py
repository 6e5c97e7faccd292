"""Celery tasks (production: beat schedules them from dangjian.core.jobs; see dangjian.celery)."""

from celery import shared_task

from .services.reminders import run_daily


# The name it had when it lived in dangjian.celery: a message queued under it still runs.
@shared_task(name="dangjian.monthly_due")
def monthly_due() -> int:
    return run_daily()
