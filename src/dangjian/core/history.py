"""办理记录: the audit events of a record, in the words a clerk reads ("张三 于 12月3日 10:02
提交核查"). The audit chain is the one source, so the history can never disagree with it."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import models
from django.db.models import Q
from django.utils import timezone

from dangjian.audit.labels import action_label
from dangjian.audit.models import AuditEvent

# Keys of an event's "after" that carry what the person wrote about the step, in the order a
# reader wants them; the first one present is shown beside the step.
NOTE_KEYS = ("reason", "comment", "note", "text", "summary", "content", "result")
# Events the system itself writes about a record but that say nothing about its handling.
QUIET_ACTIONS = frozenset({"file.download", "notification.send", "notification.read"})


@dataclass(frozen=True)
class Step:
    at: datetime
    who: str
    action: str
    what: str
    note: str
    success: bool
    subject: str

    @property
    def sentence(self) -> str:
        local = timezone.localtime(self.at)
        return f"{self.who} 于 {local.month}月{local.day}日 {local:%H:%M} {self.what}"


def _who(event: AuditEvent) -> str:
    if event.user is not None:
        return str(event.user)
    return event.username or "系统"


def _note(event: AuditEvent) -> str:
    after = event.after if isinstance(event.after, dict) else {}
    for key in NOTE_KEYS:
        value = after.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()[:200]
    return ""


def history_of(records: Iterable[models.Model]) -> list[Step]:
    """The steps of ``records`` (a record and, where its page shows them, the records under it
    such as a finding's measures), oldest first. One query for all of them."""
    wanted = Q(pk__in=[])
    subjects: dict[tuple[str, str], str] = {}
    for record in records:
        label, pk = record._meta.label, str(record.pk)
        wanted |= Q(object_type=label, object_id=pk)
        subjects[(label, pk)] = str(record._meta.verbose_name)
    events = (AuditEvent.objects.filter(wanted).exclude(action__in=QUIET_ACTIONS)
              .select_related("user").order_by("created_at", "id"))
    return [Step(at=e.created_at, who=_who(e), action=e.action, what=action_label(e.action),
                 note=_note(e), success=e.success,
                 subject=subjects.get((e.object_type, e.object_id), ""))
            for e in events]


def related(obj: Any, *names: str) -> list[models.Model]:
    """``obj`` followed by the rows of its reverse relations ``names``, for ``history_of``."""
    rows: list[models.Model] = [obj]
    for name in names:
        rows += list(getattr(obj, name).all())
    return rows
