"""Uploaded and stored files: checked on the way in (type by content, size, SHA-256) and
against their SHA-256 on every read (等保 2.0 入侵防范 and 数据完整性).

Bottom layer: it knows only an upload, a file field and the digest recorded at upload, so any
app can call it; ``dangjian.core.files.views.download_response`` serves an evidence row
through ``evidence_open``. A mismatch or a missing
file is audited and refused, and so is every download.
"""

import hashlib
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any, NoReturn

from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from dangjian.audit.services import record
from dangjian.core.errors import Conflict
from dangjian.core.ooxml import KINDS, PackageError, check_package, record_refusal
from dangjian.core.pdf import PdfError, check_pdf

CHUNK = 1024 * 1024
# Leading bytes of each type a county may accept: a renamed .exe is not a .pdf. A type added to
# a county's list without a signature here is refused rather than taken unchecked.
SIGNATURES: dict[str, bytes] = {
    "pdf": b"%PDF-", "jpg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n",
    "docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "ofd": b"PK\x03\x04",
}
# What each accepted type is served as; with nosniff the browser never guesses another.
CONTENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ofd": "application/ofd",
}
OCTET_STREAM = "application/octet-stream"
DOCX, XLSX = CONTENT_TYPES["docx"], CONTENT_TYPES["xlsx"]


def extension_of(name: str) -> str:
    """The lower-case extension of a file name, with jpeg read as jpg."""
    name = PurePath(name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return "jpg" if extension == "jpeg" else extension


def checked_upload(
    upload: UploadedFile, *, allowed_types: Iterable[str], max_bytes: int, actor: Any = None
) -> dict[str, Any]:
    """The stored fields of an accepted upload (original_name, extension, size, sha256), or a
    ValidationError naming what is wrong: type not allowed, empty, too large, content that
    does not match its extension, a .docx/.xlsx/.ofd that fails dangjian.core.ooxml or a PDF with
    scripts (dangjian.core.pdf). Every refusal is
    audited with ``actor`` (等保 入侵防范: refused input is a security event)."""
    allowed = tuple(allowed_types)
    name = PurePath(upload.name or "").name
    extension = extension_of(name)

    def refuse(reason: str) -> NoReturn:
        refuse_upload(actor=actor, name=name, reason=reason)

    if extension not in allowed:
        refuse(f"不支持的文件类型“{extension or '无扩展名'}”，仅限：{'、'.join(allowed)}")
    if not upload.size:
        refuse("文件是空的")
    if upload.size > max_bytes:
        refuse(f"文件超过大小上限 {max_bytes / (1024 * 1024):g} MB")
    digest, head = hashlib.sha256(), b""
    for chunk in upload.chunks():
        head = head or chunk[:16]
        digest.update(chunk)
    upload.seek(0)
    if not head.startswith(SIGNATURES.get(extension, b"\0unknown")):
        refuse(f"文件内容与扩展名“{extension}”不符")
    if extension in KINDS:
        try:  # check_package audits its own refusals
            check_package(upload, kind=KINDS[extension], actor=actor, name=name)
        except PackageError as error:
            raise ValidationError({"file": str(error)}) from error
    if extension == "pdf":
        try:
            check_pdf(upload)
        except PdfError as error:
            refuse(str(error))
    return {"original_name": name[:200], "extension": extension, "size": upload.size,
            "sha256": digest.hexdigest()}


def refuse_upload(*, actor: Any, name: str, reason: str) -> NoReturn:
    """Refuse an upload: audited as ``upload.refused``, then a ValidationError on ``file``."""
    record_refusal(actor=actor, name=name, reason=reason)
    raise ValidationError({"file": reason})


def upload_bytes(upload: UploadedFile | None, *, max_bytes: int, missing: str,
                 actor: Any = None) -> bytes:
    """The whole content of an upload an import reads, refused before reading when there is
    none (``missing`` says what to choose) or when it is too big."""
    if upload is None:
        raise ValidationError({"file": missing})
    if (upload.size or 0) > max_bytes:
        refuse_upload(actor=actor, name=upload.name or "",
                      reason=f"文件过大：不能超过 {max_bytes / (1024 * 1024):g} MB")
    return upload.read()


class FileIntegrityError(Conflict):
    """The stored file is missing or no longer matches the digest recorded at upload (HTTP 409:
    the record and its file disagree)."""


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
    except (OSError, ValueError):  # missing, unreadable, a folder, or no name at all
        _refuse(actor, target, name, sha256, "", "文件不存在或无法读取")
    try:
        actual = sha256_of(field_file)
    except OSError:
        field_file.close()
        _refuse(actor, target, name, sha256, "", "文件无法读取")
    if actual != sha256.lower():
        field_file.close()
        _refuse(actor, target, name, sha256, actual, "文件内容与登记的 SHA-256 不符")
    field_file.seek(0)
    return field_file  # type: ignore[no-any-return]  # a FieldFile is a File


def evidence_open(*, evidence: Any, actor: Any = None) -> File:
    """Open an evidence row of any app (``file``, ``sha256``) for download, verified against
    its recorded SHA-256."""
    target = evidence if isinstance(evidence, models.Model) else None
    return open_verified(
        field_file=evidence.file, sha256=evidence.sha256, actor=actor, target=target
    )


def attachment(data: bytes, content_type: str, name: str) -> HttpResponse:
    """A file the platform generated (台账, 公文, templates) handed to the browser under its
    Chinese name (RFC 5987 ``filename*``, with an ASCII fallback)."""
    response = HttpResponse(data, content_type=content_type)
    safe = "".join("_" if char in '/\\"' else char for char in name if char.isprintable())
    response["Content-Disposition"] = content_disposition_header(True, safe or "file")
    return response


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
