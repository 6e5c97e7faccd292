"""Signed archive segments of the audit chain (等保 2.0 安全审计 c: back up audit records).

A segment is a JSON-lines file, one event a line with its id and hash, beside a detached
signature ``<file>.sig``: the segment's metadata (ids, boundary hashes, count, the file's SM3)
signed with HMAC-SM3 under ``DANGJIAN_AUDIT_ARCHIVE_KEY``. Whoever can change the file without
the key breaks the digest; whoever changes the metadata breaks the signature.
"""

import hmac
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings

from dangjian.core.crypto import hmac_sm3_hex, sm3_file_hex

from .chain import canonical_json, content_digest, event_content
from .models import AuditArchive, AuditEvent

FORMAT = "dangjian-audit-archive/1"
DEV_ARCHIVE_KEY = "dev-audit-archive-key-not-for-production"


class ArchiveError(Exception):
    """A segment that cannot be written or does not verify; the message says why, in Chinese."""


@dataclass(frozen=True)
class SegmentMeta:
    file: str
    sm3: str
    events: int
    first_event_id: int
    last_event_id: int
    first_prev_hash: str
    last_hash: str

    @classmethod
    def of(cls, archive: AuditArchive) -> "SegmentMeta":
        return cls(
            file=Path(archive.path).name, sm3=archive.sm3, events=archive.event_count,
            first_event_id=archive.first_event_id, last_event_id=archive.last_event_id,
            first_prev_hash=archive.first_prev_hash, last_hash=archive.last_hash,
        )


def archive_key() -> bytes:
    return str(getattr(settings, "DANGJIAN_AUDIT_ARCHIVE_KEY", "") or DEV_ARCHIVE_KEY).encode()


def sign(meta: SegmentMeta) -> str:
    return hmac_sm3_hex(archive_key(), canonical_json(asdict(meta)).encode())


def signature_path(path: Path) -> Path:
    return path.with_name(path.name + ".sig")


def event_line(event: AuditEvent) -> dict[str, Any]:
    return {"id": event.pk, **event_content(event), "hash": event.hash}


def write_segment(
    *, directory: Path, events: Iterable[AuditEvent], expected_prev: str
) -> tuple[SegmentMeta, Path]:
    """Write the events (already in id order) and their signature; refuses a broken chain,
    so that nothing tampered is ever signed."""
    directory.mkdir(parents=True, exist_ok=True)
    partial = directory / f".partial-{os.getpid()}.jsonl"
    lines = _LineChecker(expected_prev)
    try:
        with partial.open("w", encoding="utf-8") as handle:
            for event in events:
                line = event_line(event)
                lines.check(line)
                handle.write(canonical_json(line) + "\n")
            handle.flush()
            os.fsync(handle.fileno())  # on disk before the database says it is archived
        if lines.count == 0:
            raise ArchiveError("没有需要归档的事件")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    path = directory / f"audit-{lines.first_id:012d}-{lines.last_id:012d}.jsonl"
    os.replace(partial, path)
    meta = SegmentMeta(
        file=path.name, sm3=sm3_file_hex(path), events=lines.count,
        first_event_id=lines.first_id, last_event_id=lines.last_id,
        first_prev_hash=expected_prev, last_hash=lines.prev,
    )
    _write_signature(path, meta)
    return meta, path


def _write_signature(path: Path, meta: SegmentMeta) -> None:
    body = {"format": FORMAT, "algorithm": "HMAC-SM3", **asdict(meta), "signature": sign(meta)}
    target = signature_path(path)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(body, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, target)


def read_lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for text in handle:
            yield json.loads(text)


def verify_segment(path: Path, *, expected: SegmentMeta) -> None:
    """Signature, metadata, file digest and the chain inside; raises ``ArchiveError``."""
    if not path.is_file():
        raise ArchiveError(f"归档文件不存在：{path}")
    meta = _signed_meta(signature_path(path))
    if meta != expected:
        raise ArchiveError("签名文件中的元数据与数据库中的归档记录不符")
    if sm3_file_hex(path) != meta.sm3:
        raise ArchiveError("文件 SM3 摘要不符（归档文件被改动）")
    lines = _LineChecker(meta.first_prev_hash)
    try:
        for line in read_lines(path):
            lines.check(line)
    except (ValueError, KeyError) as exc:
        raise ArchiveError(f"第 {lines.count + 1} 行无法解析：{exc}") from exc
    if (lines.count, lines.first_id, lines.last_id, lines.prev) != (
        meta.events, meta.first_event_id, meta.last_event_id, meta.last_hash
    ):
        raise ArchiveError("文件内容与签名的事件数、编号或末个哈希不符")


def _signed_meta(sig_path: Path) -> SegmentMeta:
    if not sig_path.is_file():
        raise ArchiveError(f"签名文件不存在：{sig_path}")
    try:
        body = json.loads(sig_path.read_text(encoding="utf-8"))
        signature = str(body.pop("signature"))
        if (body.pop("format"), body.pop("algorithm")) != (FORMAT, "HMAC-SM3"):
            raise ValueError("未知的归档格式或签名算法")
        meta = SegmentMeta(**body)
    except (ValueError, KeyError, TypeError) as exc:
        raise ArchiveError(f"签名文件格式错误：{exc}") from exc
    if not hmac.compare_digest(signature, sign(meta)):
        raise ArchiveError("签名不符（归档元数据被改动，或归档密钥不对）")
    return meta


class _LineChecker:
    """Checks each line's hash and its link to the previous line, in order."""

    def __init__(self, prev: str) -> None:
        self.prev = prev
        self.count = 0
        self.first_id = 0
        self.last_id = 0

    def check(self, line: dict[str, Any]) -> None:
        where = f"事件 #{line['id']}"
        if line["prev_hash"] != self.prev:
            raise ArchiveError(f"{where}：前一事件哈希不符（链在此断开）")
        content = {k: v for k, v in line.items() if k not in ("id", "hash")}
        if content_digest(content) != line["hash"]:
            raise ArchiveError(f"{where}：内容哈希不符（事件被篡改）")
        self.first_id = self.first_id or int(line["id"])
        self.last_id = int(line["id"])
        self.prev = line["hash"]
        self.count += 1
