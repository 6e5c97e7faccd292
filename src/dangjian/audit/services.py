"""Writing and verifying the audit chain. Every business write calls ``record`` in its
own transaction, so the change and its event commit or roll back together."""

import json
from dataclasses import dataclass
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone

from dangjian.crypto import sm3_hex

from .context import current_ip
from .models import AuditEvent, ChainHead

GENESIS_HASH = "0" * 64


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder)) if value is not None else None


def event_digest(event: AuditEvent) -> str:
    """SM3 over a canonical JSON of the event's content and the previous hash."""
    content = {
        "created_at": event.created_at.isoformat(),
        "user": event.user_id,
        "username": event.username,
        "ip": event.ip,
        "action": event.action,
        "success": event.success,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "object_repr": event.object_repr,
        "before": event.before,
        "after": event.after,
        "prev_hash": event.prev_hash,
    }
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return sm3_hex(canonical.encode())


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
    return event


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad: AuditEvent | None
    reason: str = ""


def verify_chain() -> ChainReport:
    """Walk the chain in id order; report the first event whose hash or link is wrong."""
    expected_prev = GENESIS_HASH
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != expected_prev:
            return ChainReport(checked, event, "前一事件哈希不符（事件被删除或插入）")
        if event_digest(event) != event.hash:
            return ChainReport(checked, event, "内容哈希不符（事件被篡改）")
        expected_prev = event.hash
        checked += 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != expected_prev:
        return ChainReport(checked, None, "链尾与链头记录不符（末尾事件被删除）")
    return ChainReport(checked, None)
