"""Celery tasks (production: beat schedules them; see dangjian.celery)."""

from celery import shared_task

from .services.reminders import run_daily


@shared_task(name="tasks.supervise_daily")
def supervise_daily() -> dict[str, int]:
    report = run_daily()
    return {"scanned": report.scanned, "overdue": report.overdue, **report.taken}
