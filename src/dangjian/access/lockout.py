"""Login lockout (等保 身份鉴别 b): N failures within a window lock the account for a while.

Shared by the login page and the token endpoint. Our own small table rather than
django-axes: axes has one cool-off time that is both the counting window and the lock, and
slides it on every failure, so "5 failures in 15 minutes lock for 30 minutes" cannot be said.
Failures are counted per user name (lower-cased), whether or not the account exists, so the
answer does not reveal which names exist.
"""

from datetime import datetime

from django.conf import settings
from django.utils import timezone

from .models import LoginFailure


def _key(username: str) -> str:
    return username.strip().lower()[:150]


def _horizon(now: datetime) -> datetime:
    """Failures older than this can no longer contribute to a lock still in force."""
    return now - settings.DANGJIAN_LOGIN_FAILURE_WINDOW - settings.DANGJIAN_LOGIN_LOCK


def locked_until(username: str, *, now: datetime | None = None) -> datetime | None:
    """When the lock on ``username`` ends, or None when it is not locked."""
    now = now or timezone.now()
    limit = settings.DANGJIAN_LOGIN_FAILURE_LIMIT
    times = list(
        LoginFailure.objects.filter(username=_key(username), failed_at__gte=_horizon(now))
        .order_by("failed_at").values_list("failed_at", flat=True)
    )
    until = None
    for last in range(limit - 1, len(times)):
        # ``limit`` consecutive failures inside the window lock from the last of them on
        if times[last] - times[last - limit + 1] <= settings.DANGJIAN_LOGIN_FAILURE_WINDOW:
            until = times[last] + settings.DANGJIAN_LOGIN_LOCK
    return until if until is not None and until > now else None


def note_failure(username: str, *, ip: str | None) -> datetime | None:
    """Count one failure; answer when the lock ends if this failure locked the account."""
    now = timezone.now()
    LoginFailure.objects.filter(failed_at__lt=_horizon(now)).delete()  # keep the table small
    LoginFailure.objects.create(username=_key(username), ip=ip, failed_at=now)
    return locked_until(username, now=now)


def clear(username: str) -> int:
    """Forget the failures of ``username``: after a full login, or an administrator's unlock."""
    deleted, _ = LoginFailure.objects.filter(username=_key(username)).delete()
    return deleted
