"""Login lockout (等保 身份鉴别 b): N failures within a window lock for a while.

Shared by the login page, its one-time-code step, the token endpoint and the password page.
Our own small table rather than django-axes: axes has one cool-off time that is both the
counting window and the lock, and slides it on every failure, so "5 failures in 15 minutes
lock for 30 minutes" cannot be said.

What is locked is a user name *from one source address* (``LIMIT`` failures of that name from
that address), so that nobody can lock the 三员 out by trying their names from elsewhere; and
a source address as a whole once it has failed ``ADDRESS_LIMIT`` times, whatever the names, so
that trying many names from one place is stopped too. Names are counted whether or not the
account exists, so the answer does not reveal which names exist.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import LoginFailure

ANY_NAME = ""  # the user name of an address-wide lock


@dataclass(frozen=True)
class Lock:
    username: str  # ANY_NAME: every name from ``ip``
    ip: str | None
    until: datetime
    failures: int


def key(username: str) -> str:
    return username.strip().lower()[:150]


def _horizon(now: datetime) -> datetime:
    """Failures older than this can no longer contribute to a lock still in force."""
    return now - settings.DANGJIAN_LOGIN_FAILURE_WINDOW - settings.DANGJIAN_LOGIN_LOCK


def _lock_end(times: list[datetime], limit: int) -> datetime | None:
    """When ``limit`` failures inside one window, the last of them at ``times[i]``, stop
    locking; the latest such end (times sorted)."""
    until = None
    for last in range(limit - 1, len(times)):
        if times[last] - times[last - limit + 1] <= settings.DANGJIAN_LOGIN_FAILURE_WINDOW:
            until = times[last] + settings.DANGJIAN_LOGIN_LOCK
    return until


def _from(ip: str | None) -> Q:
    return Q(ip__isnull=True) if ip is None else Q(ip=ip)


def _times(query: Q, now: datetime) -> list[datetime]:
    return list(LoginFailure.objects.filter(query, failed_at__gte=_horizon(now))
                .order_by("failed_at").values_list("failed_at", flat=True))


def locked_until(username: str, ip: str | None, *, now: datetime | None = None
                 ) -> datetime | None:
    """When the lock on ``username`` from ``ip`` ends, or None when it is not locked."""
    now = now or timezone.now()
    ends = [
        _lock_end(_times(Q(username=key(username)) & _from(ip), now),
                  settings.DANGJIAN_LOGIN_FAILURE_LIMIT),
        _lock_end(_times(_from(ip), now), settings.DANGJIAN_LOGIN_ADDRESS_FAILURE_LIMIT),
    ]
    current = [end for end in ends if end is not None and end > now]
    return max(current) if current else None


def note_failure(username: str, *, ip: str | None) -> datetime | None:
    """Count one failure; answer when the lock ends if the name is now locked from ``ip``."""
    now = timezone.now()
    LoginFailure.objects.filter(failed_at__lt=_horizon(now)).delete()  # keep the table small
    LoginFailure.objects.create(username=key(username), ip=ip, failed_at=now)
    return locked_until(username, ip, now=now)


def current_locks(*, now: datetime | None = None) -> list[Lock]:
    """Every lock in force: names from an address, and whole addresses; latest end first."""
    now = now or timezone.now()
    pairs: dict[tuple[str, str | None], list[datetime]] = defaultdict(list)
    addresses: dict[str | None, list[datetime]] = defaultdict(list)
    for username, ip, failed_at in (LoginFailure.objects.filter(failed_at__gte=_horizon(now))
                                    .order_by("failed_at")
                                    .values_list("username", "ip", "failed_at")):
        pairs[(username, ip)].append(failed_at)
        addresses[ip].append(failed_at)
    locks = [Lock(username, ip, until, len(times)) for (username, ip), times in pairs.items()
             if (until := _lock_end(times, settings.DANGJIAN_LOGIN_FAILURE_LIMIT)) and until > now]
    locks += [Lock(ANY_NAME, ip, until, len(times)) for ip, times in addresses.items()
              if (until := _lock_end(times, settings.DANGJIAN_LOGIN_ADDRESS_FAILURE_LIMIT))
              and until > now]
    return sorted(locks, key=lambda lock: (-lock.until.timestamp(), lock.username, lock.ip or ""))


def clear(username: str, *, ip: str | None = None, every_address: bool = False) -> int:
    """Forget failures: of ``username`` from ``ip`` (after a full login from there), of the
    name from everywhere (``every_address``), or, with ``username`` ANY_NAME, of ``ip``."""
    if username == ANY_NAME:
        query = _from(ip)
    elif every_address:
        query = Q(username=key(username))
    else:
        query = Q(username=key(username)) & _from(ip)
    deleted, _ = LoginFailure.objects.filter(query).delete()
    return deleted
