"""The daily archive of the audit chain and the pruning of what is both archived and old.

``archive_events`` writes every event not yet archived (up to the end of yesterday by default)
to one signed segment and records it in ``AuditArchive``. ``prune_archived`` is the only code
that deletes audit events: it deliberately goes around the append-only model with one SQL
``DELETE`` of an archived, verified prefix older than the retention, and audits itself.
"""

from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from .chain import GENESIS_HASH
from .models import AuditArchive, AuditEvent, RefusalWindow
from .retention import retention_cutoff, retention_months
from .segments import ArchiveError, SegmentMeta, write_segment
from .services import record
from .verify import verify_chain


class PruneRefused(Exception):
    """Pruning would delete what cannot be proven; the message says why, in Chinese."""


def default_archive_dir() -> Path:
    configured = getattr(settings, "DANGJIAN_AUDIT_ARCHIVE_DIR", "")
    if configured:
        return Path(configured)
    return Path(getattr(settings, "VAR_DIR", Path.cwd() / "var")) / "audit-archive"


def start_of_today() -> datetime:
    return timezone.make_aware(datetime.combine(timezone.localdate(), time.min))


def archive_events(
    *, directory: Path | None = None, until: datetime | None = None, actor: Any = None,
    username: str = "",
) -> AuditArchive | None:
    """Archive the events not yet archived that were written before ``until`` (by default
    today's local midnight, i.e. through yesterday); None when there are none."""
    directory = directory or default_archive_dir()
    last = AuditArchive.objects.order_by("-last_event_id").first()
    after_id = last.last_event_id if last else 0
    upto = AuditEvent.objects.filter(
        pk__gt=after_id, created_at__lt=until or start_of_today()
    ).aggregate(upto=Max("pk"))["upto"]
    if upto is None:
        return None
    # An id prefix, not a time window: the chain stays contiguous even if the clock stepped back.
    events = AuditEvent.objects.filter(pk__gt=after_id, pk__lte=upto).order_by("pk")
    try:
        meta, path = write_segment(
            directory=directory, events=events.iterator(chunk_size=2000),
            expected_prev=last.last_hash if last else GENESIS_HASH,
        )
    except ArchiveError as exc:
        record(actor=actor, username=username, action="audit.archive", success=False,
               after={"reason": str(exc)})
        raise
    return _register(path=path, meta=meta, actor=actor, username=username)


def _register(*, path: Path, meta: SegmentMeta, actor: Any, username: str) -> AuditArchive:
    first_event = AuditEvent.objects.get(pk=meta.first_event_id)
    last_event = AuditEvent.objects.get(pk=meta.last_event_id)
    try:
        with transaction.atomic():
            archive = AuditArchive.objects.create(
                path=str(path.resolve()), first_event_id=meta.first_event_id,
                last_event_id=meta.last_event_id, event_count=meta.events,
                first_prev_hash=meta.first_prev_hash, last_hash=meta.last_hash,
                first_created_at=first_event.created_at, last_created_at=last_event.created_at,
                sm3=meta.sm3,
            )
            record(actor=actor, username=username, action="audit.archive", target=archive,
                   after={"file": meta.file, "events": meta.events, "sm3": meta.sm3,
                          "first_event_id": meta.first_event_id,
                          "last_event_id": meta.last_event_id})
    except IntegrityError as exc:
        raise ArchiveError("这些事件已由另一个归档任务归档") from exc
    return archive


@dataclass(frozen=True)
class PruneReport:
    deleted: int
    cutoff: datetime
    up_to_event_id: int | None = None


def prune_archived(
    *, now: datetime | None = None, actor: Any = None, username: str = "",
    archive_dir: Path | None = None,
) -> PruneReport:
    """Delete live events older than the retention that are archived in verified segments."""
    months = retention_months()
    cutoff = retention_cutoff(now=now or timezone.now(), months=months)
    boundary = _prunable_through(cutoff)
    if boundary is None:
        return PruneReport(0, cutoff)
    report = verify_chain(archive_dir=archive_dir)
    if not report.ok:
        reason = f"审计链或归档校验未通过（{report.where or '实时链'}：{report.reason}），拒绝清理"
        record(actor=actor, username=username, action="audit.prune", success=False,
               after={"reason": reason})
        raise PruneRefused(reason)
    with transaction.atomic():
        deleted = _delete_through(boundary)
        record(actor=actor, username=username, action="audit.prune",
               after={"deleted": deleted, "up_to_event_id": boundary, "cutoff": cutoff,
                      "retention_months": months})
    return PruneReport(deleted, cutoff, boundary)


def _prunable_through(cutoff: datetime) -> int | None:
    """The last event id that is archived and, with every event before it, older than cutoff."""
    last = AuditArchive.objects.order_by("-last_event_id").first()
    young = AuditEvent.objects.filter(created_at__gte=cutoff).order_by("pk").first()
    doomed = AuditEvent.objects.filter(pk__lte=last.last_event_id if last else 0)
    if young is not None:
        doomed = doomed.filter(pk__lt=young.pk)  # a prefix: the live chain stays contiguous
    upto: int | None = doomed.aggregate(upto=Max("pk"))["upto"]
    return upto


def _delete_through(event_id: int) -> int:
    # Deliberately around AuditEvent's refusal: the only delete of audit events there is.
    table = connection.ops.quote_name(AuditEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE id <= %s", [event_id])  # noqa: S608
        deleted = int(cursor.rowcount)
    RefusalWindow.objects.filter(event_id__lte=event_id).delete()  # their counts go with them
    return deleted
