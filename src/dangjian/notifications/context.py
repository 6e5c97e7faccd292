"""The header's 站内信 badge: how many notices the user has not read (one COUNT query)."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .models import Notification


def unread(request: HttpRequest) -> dict[str, Any]:
    if not request.user.is_authenticated:
        return {}
    unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True)
    # Lazy: counted only when a page shows the badge (htmx fragments do not).
    return {"unread_notifications": SimpleLazyObject(unread.count)}
