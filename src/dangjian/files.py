"""Stored files checked against their SHA-256 on every read (等保 2.0 数据完整性).

Bottom layer: it knows only a file field and the digest recorded at upload, so any app can call
it; ``evidence_open`` is the shape oversight's download views use (``evidence.file``,
``evidence.sha256``). A mismatch or a missing file is audited and refused.
"""

import hashlib
from typing import Any, NoReturn

from django.core.files import File
from django.db import models

from dangjian.audit.services import record

CHUNK = 1024 * 1024


class FileIntegrityError(Exception):
    """The stored file is missing or no longer matches the digest recorded at upload."""


def sha256_of(file: Any) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: file.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def open_verified(
    *, field_file: Any, sha256: str, actor: Any = None, target: models.Model | None = None
) -> File:
    """The file, opened for reading and rewound, after its SHA-256 matched ``sha256``."""
    name = getattr(field_file, "name", "") or ""
    try:
        field_file.open("rb")
    except (FileNotFoundError, ValueError):
        _refuse(actor, target, name, sha256, "", "文件不存在")
    actual = sha256_of(field_file)
    if actual != sha256.lower():
        field_file.close()
        _refuse(actor, target, name, sha256, actual, "文件内容与登记的 SHA-256 不符")
    field_file.seek(0)
    return field_file  # type: ignore[no-any-return]  # a FieldFile is a File


def evidence_open(*, evidence: Any, actor: Any = None) -> File:
    """Open an oversight ``Evidence`` for download, verified against its recorded SHA-256."""
    target = evidence if isinstance(evidence, models.Model) else None
    return open_verified(
        field_file=evidence.file, sha256=evidence.sha256, actor=actor, target=target
    )


def _refuse(
    actor: Any, target: models.Model | None, name: str, expected: str, actual: str, why: str
) -> NoReturn:
    record(
        actor=actor, action="file.integrity", target=target, success=False,
        after={"name": name, "expected_sha256": expected, "actual_sha256": actual, "reason": why},
    )
    raise FileIntegrityError(
        f"{why}：{name or '（未命名）'}，可能已被篡改或损坏，请联系系统管理员从备份恢复"
    )
