"""Sending and reading notices. ``notify`` is what jobs and other apps call."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.audit.services import record

from .channels import ChannelUnavailable, configured_channels
from .models import Notification

logger = logging.getLogger(__name__)


def _check_link(link: str) -> None:
    # The page renders the link as href: only a path on this site, never "javascript:" or
    # "//elsewhere", may get there.
    if link and (not link.startswith("/") or link.startswith("//")):
        raise ValidationError({"link": "通知链接必须是本站路径，如 /inbox/"})


def notify(
    *, recipient: Any, kind: str, title: str, body: str, dedupe_key: str, link: str = ""
) -> Notification | None:
    """Put a notice in ``recipient``'s inbox and announce it on the configured channels.

    Returns None, and sends nothing, when the recipient already has a notice with
    ``dedupe_key``. The channels run only after the surrounding transaction commits.
    """
    _check_link(link)
    if not dedupe_key:
        raise ValidationError({"dedupe_key": "去重键不能为空"})
    try:
        with transaction.atomic():
            notification, created = Notification.objects.get_or_create(
                recipient=recipient, dedupe_key=dedupe_key,
                defaults={"kind": kind, "title": title, "body": body, "link": link},
            )
            if not created:
                return None
            record(actor=None, action="notification.send", target=notification,
                   after={"kind": kind, "recipient": recipient.pk, "dedupe_key": dedupe_key})
    except IntegrityError:
        # A concurrent run inserted the same key between get_or_create's SELECT and INSERT.
        if Notification.objects.filter(recipient=recipient, dedupe_key=dedupe_key).exists():
            return None
        raise
    # After commit: a rolled-back caller must not have mailed anyone about a notice that
    # never existed.
    transaction.on_commit(lambda: deliver(notification))
    return notification


def deliver(notification: Notification) -> None:
    """Announce on every configured channel; a failing channel is logged, the others still run
    and the inbox row stays."""
    for channel in configured_channels():
        try:
            channel.send(notification)
        except ChannelUnavailable as exc:
            logger.warning("通知 #%s 未能经 %s 发送：%s", notification.pk, channel.name, exc)
        except Exception:
            logger.exception("通知 #%s 经 %s 发送失败", notification.pk, channel.name)


def mark_read(*, actor: Any, notification: Notification) -> Notification:
    """Only the recipient marks a notice read; marking it again keeps the first time."""
    if notification.recipient_id != getattr(actor, "pk", None):
        raise PermissionDenied("只有收件人本人可以将通知标为已读")
    with transaction.atomic():
        # A conditional UPDATE, so that two clicks racing each other record one read.
        unread = Notification.objects.filter(pk=notification.pk, read_at__isnull=True)
        if unread.update(read_at=timezone.now()):
            record(actor=actor, action="notification.read", target=notification)
    notification.refresh_from_db(fields=["read_at"])
    return notification
