"""The daily account chores: Celery beat runs ``access.daily`` in production, the in-process
scheduler (``make run``) calls ``run_daily`` directly."""

from importlib import import_module

from celery import shared_task
from django.conf import settings

from .services import disable_idle_accounts


def run_daily() -> dict[str, int]:
    """Disable idle accounts (等保 访问控制 c) and delete expired sessions (剩余信息保护)."""
    disabled = disable_idle_accounts(actor=None)
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return {"disabled": len(disabled)}


@shared_task(name="access.daily")
def daily() -> dict[str, int]:
    return run_daily()
