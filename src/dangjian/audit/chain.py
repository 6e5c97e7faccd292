"""What an event's hash covers: shared by the writer, the live verifier and the archive."""

import json
from typing import Any

from dangjian.core.crypto import sm3_hex

from .models import AuditEvent

GENESIS_HASH = "0" * 64


def event_content(event: AuditEvent) -> dict[str, Any]:
    """The hashed fields, in the form the canonical JSON takes them."""
    return {
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


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_digest(content: dict[str, Any]) -> str:
    """SM3 over the canonical JSON of an event's content (which includes the previous hash)."""
    return sm3_hex(canonical_json(content).encode())


def event_digest(event: AuditEvent) -> str:
    return content_digest(event_content(event))
