"""Refused requests in the audit log (等保 安全审计): 403s, and 404s on an addressed object
(out of the user's scope, or absent: the answer does not tell them apart, nor does this).

One chained ``access.refused`` event per subject (the user, or the address when anonymous),
route pattern and minute; further refusals of that minute only count (``RefusalWindow``).
"""

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from .context import current_ip
from .models import AuditEvent, RefusalWindow
from .services import record

ACTION = "access.refused"
# Routes whose refusals their own views already audit (the token endpoint: login.refused).
AUDITED_ELSEWHERE = frozenset({"auth-token"})


def is_refusal(request: HttpRequest, response: HttpResponse) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name in AUDITED_ELSEWHERE:
        return False
    if response.status_code == 403:
        return True
    user = getattr(request, "user", None)
    return (response.status_code == 404 and bool(match.kwargs)
            and bool(getattr(user, "is_authenticated", False)))


def note(request: HttpRequest, response: HttpResponse) -> RefusalWindow:
    """Count one refusal; the first of its window is written to the audit chain."""
    match = request.resolver_match
    assert match is not None  # is_refusal checked it
    user: Any = getattr(request, "user", None)
    signed_in = bool(getattr(user, "is_authenticated", False))
    subject = f"user:{user.pk}" if signed_in else f"ip:{current_ip.get() or '-'}"
    route = (match.route or match.view_name or request.path)[:200]
    minute = timezone.now().replace(second=0, microsecond=0)
    key = {"subject": subject[:200], "route": route, "minute": minute}
    for _ in range(2):  # a concurrent first refusal of the same window: count on its row
        try:
            with transaction.atomic():
                window = RefusalWindow.objects.select_for_update().filter(**key).first()
                if window is not None:
                    RefusalWindow.objects.filter(pk=window.pk).update(count=F("count") + 1)
                    window.refresh_from_db(fields=["count"])
                    return window
                event = record(actor=user if signed_in else None, action=ACTION,
                               success=False, after={
                                   "status": response.status_code, "method": request.method,
                                   "path": request.path[:200], "route": route})
                return RefusalWindow.objects.create(**key, event=event)
        except IntegrityError:
            continue
    raise RuntimeError("refusal window contention")  # pragma: no cover


def counts_for(events: list[AuditEvent]) -> dict[int, int]:
    """How many refusals each ``access.refused`` event of ``events`` stands for."""
    ids = [e.pk for e in events if e.action == ACTION]
    return dict(RefusalWindow.objects.filter(event_id__in=ids).values_list("event_id", "count"))
