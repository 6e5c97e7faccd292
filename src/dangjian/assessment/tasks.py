"""Celery tasks (production: beat schedules them; see dangjian.celery)."""

from celery import shared_task

from .services.scoring import run_daily


@shared_task(name="assessment.score_daily")
def score_daily() -> dict[str, int]:
    return run_daily()
