"""The daily sweep of orphaned files: Celery beat runs ``ops.sweep_files`` in production, the
in-process scheduler (``make run``) calls ``orphans.run_daily`` directly."""

from celery import shared_task

from .orphans import run_daily


@shared_task(name="ops.sweep_files")
def sweep_files() -> dict[str, int]:
    return run_daily()
