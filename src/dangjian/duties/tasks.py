"""Celery tasks (production: beat schedules them; see dangjian.celery)."""

from celery import shared_task

from .services.accountability import run_daily


@shared_task(name="duties.year_end_daily")
def year_end_daily() -> dict[str, int]:
    report = run_daily()
    return {"checked": report.checked, "proposed": report.proposed, "skipped": report.skipped}
