"""Writing and verifying the audit chain. Every business write calls ``record`` in its
own transaction, so the change and its event commit or roll back together."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from .chain import GENESIS_HASH, event_digest
from .context import current_ip
from .models import AuditEvent, ChainHead
from .verify import ChainReport, verify_chain

__all__ = ["GENESIS_HASH", "ChainReport", "event_digest", "record", "verify_chain"]


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder)) if value is not None else None


def record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    success: bool = True,
    username: str = "",
    ip: str | None = None,
) -> AuditEvent:
    """Append one event. ``actor`` is a user or None (anonymous, e.g. a failed login)."""
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"last_hash": GENESIS_HASH}
        )
        user = actor if getattr(actor, "pk", None) else None
        event = AuditEvent(
            created_at=timezone.now(),
            user=user,
            username=username or (user.get_username() if user else ""),
            ip=ip or current_ip.get(),
            action=action,
            success=success,
            object_type=target._meta.label if target is not None else "",
            object_id=str(target.pk) if target is not None else "",
            object_repr=str(target)[:200] if target is not None else "",
            before=_jsonable(before),
            after=_jsonable(after),
            prev_hash=head.last_hash,
        )
        event.hash = event_digest(event)
        event.save()
        head.last_hash = event.hash
        head.save(update_fields=["last_hash"])
        # A record that keeps who changed it last (core.models.Recorded) takes it from here,
        # the one place every write passes, so its stamp and its 办理记录 agree.
        stamp = getattr(target, "stamp_from_event", None)
        if success and stamp is not None and target is not None and target.pk is not None:
            stamp(user_id=user.pk if user else None, at=event.created_at)
    return event
