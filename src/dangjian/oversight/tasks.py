"""Celery tasks (production: beat schedules them; see dangjian.celery)."""

from celery import shared_task

from .services import rechecks
from .services.escalation import run_daily


@shared_task(name="oversight.escalate_daily")
def escalate_daily() -> dict[str, int]:
    report = run_daily()
    return {"scanned": report.scanned, **report.taken}


@shared_task(name="oversight.recheck_daily")
def recheck_daily() -> dict[str, int]:
    report = rechecks.run_daily()
    return {"due": report.due, "reminded": report.reminded}
