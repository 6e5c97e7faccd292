"""Verifying the whole chain: the signed archive segments, then the live events.

The segments must link from the genesis hash, one to the next. The live chain starts where
pruning stopped: its first event must follow the archived event before it (or the genesis hash
when nothing was pruned), and a live event that is also archived must carry the archived hash,
so rewriting live events that are still archived is caught too.
"""

from dataclasses import dataclass
from pathlib import Path

from .chain import GENESIS_HASH, event_digest
from .models import AuditArchive, AuditEvent, ChainHead
from .segments import ArchiveError, SegmentMeta, read_lines, verify_segment


@dataclass(frozen=True)
class ChainReport:
    checked: int  # live events
    first_bad: AuditEvent | None
    reason: str = ""
    archived: int = 0  # events in verified archive segments
    where: str = ""  # names a failing archive segment

    @property
    def ok(self) -> bool:
        return self.first_bad is None and not self.reason


def segment_path(archive: AuditArchive, archive_dir: Path | None) -> Path:
    """Where a segment is now: the recorded path, or the same name under ``archive_dir``."""
    path = Path(archive.path)
    return archive_dir / path.name if archive_dir is not None else path


def verify_chain(*, archive_dir: Path | None = None) -> ChainReport:
    segments = list(AuditArchive.objects.order_by("first_event_id"))
    archived = 0
    prev = GENESIS_HASH
    for segment in segments:
        where = f"归档段 {Path(segment.path).name}"
        if segment.first_prev_hash != prev:
            return ChainReport(0, None, "归档段之间不连续（缺少或替换了归档段）", archived, where)
        try:
            verify_segment(segment_path(segment, archive_dir), expected=SegmentMeta.of(segment))
        except ArchiveError as exc:
            return ChainReport(0, None, str(exc), archived, where)
        archived += segment.event_count
        prev = segment.last_hash
    return _verify_live(segments, archived, archive_dir)


def _verify_live(
    segments: list[AuditArchive], archived: int, archive_dir: Path | None
) -> ChainReport:
    archived_last = {s.last_event_id: s.last_hash for s in segments}
    expected_prev = segments[-1].last_hash if segments else GENESIS_HASH
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if checked == 0 and segments:
            start = _archived_prev(event, segments, archive_dir)
            if start is None:
                return ChainReport(0, event, "该事件在归档范围内，但归档中没有它（事件被插入）",
                                   archived)
            expected_prev = start
        if event.prev_hash != expected_prev:
            reason = ("实时链未从已归档的链接续（归档之后的事件被删除，或归档被替换）"
                      if checked == 0 and segments else "前一事件哈希不符（事件被删除或插入）")
            return ChainReport(checked, event, reason, archived)
        if event_digest(event) != event.hash:
            return ChainReport(checked, event, "内容哈希不符（事件被篡改）", archived)
        if archived_last.get(event.pk, event.hash) != event.hash:
            return ChainReport(checked, event, "与已签名的归档不一致（事件被改写）", archived)
        expected_prev = event.hash
        checked += 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != expected_prev:
        return ChainReport(checked, None, "链尾与链头记录不符（末尾事件被删除）", archived)
    return ChainReport(checked, None, archived=archived)


def _archived_prev(
    first: AuditEvent, segments: list[AuditArchive], archive_dir: Path | None
) -> str | None:
    """The hash the first live event must follow; None when it should be archived but is not."""
    if first.pk > segments[-1].last_event_id:
        return segments[-1].last_hash
    for segment in segments:
        if segment.first_event_id <= first.pk <= segment.last_event_id:
            for line in read_lines(segment_path(segment, archive_dir)):
                if line["id"] == first.pk:
                    return str(line["prev_hash"])
    return None
