"""Uploaded files: a plan's document turned into text, and evidence checked before it is kept.

Every upload is treated as hostile (等保 入侵防范: validate input): size first, then type by
extension and by leading bytes, so a renamed executable is not taken for a PDF.
"""

import hashlib
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from ..outline import OutlineError, read_docx_text, read_text_file
from ..rules import local_settings

SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "ofd": (b"PK\x03\x04",),
}
DOCUMENT_TYPES = ("docx", "txt")


def extension_of(name: str) -> str:
    name = PurePath(name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return "jpg" if extension == "jpeg" else extension


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def document_text(upload: UploadedFile) -> str:
    """The text of a speech or plan uploaded as .docx or .txt; a clear refusal otherwise."""
    limit = local_settings().document_max_bytes
    extension = extension_of(upload.name or "")
    if extension == "doc":
        raise ValidationError(
            {"file": "不支持旧版 .doc 文件，请在 Word 或 WPS 中另存为 .docx 后上传"})
    if extension not in DOCUMENT_TYPES:
        raise ValidationError({"file": "只能上传 .docx 或 .txt 文件"})
    if upload.size is None or upload.size > limit:
        raise ValidationError({"file": f"文件过大：不能超过 {_mb(limit)}"})
    data = upload.read()
    try:
        return read_docx_text(data) if extension == "docx" else read_text_file(data)
    except OutlineError as error:
        raise ValidationError({"file": str(error)}) from error


def checked_evidence(upload: UploadedFile) -> dict[str, Any]:
    """The evidence row's fields for ``upload``; refuses what the county does not accept."""
    limits = local_settings()
    name = PurePath(upload.name or "").name
    extension = extension_of(name)
    if extension not in limits.evidence_types:
        allowed = "、".join(limits.evidence_types)
        raise ValidationError(
            {"file": f"不支持的文件类型“{extension or '无扩展名'}”，仅限：{allowed}"})
    if upload.size is None or upload.size > limits.evidence_max_bytes:
        raise ValidationError({"file": f"文件超过大小上限 {_mb(limits.evidence_max_bytes)}"})
    if upload.size == 0:
        raise ValidationError({"file": "文件是空的"})
    digest = hashlib.sha256()
    head = b""
    for chunk in upload.chunks():
        head = head or chunk[:16]
        digest.update(chunk)
    upload.seek(0)
    if not head.startswith(SIGNATURES[extension]):
        raise ValidationError({"file": f"文件内容与扩展名“{extension}”不符"})
    return {"original_name": name[:200], "extension": extension, "size": upload.size,
            "sha256": digest.hexdigest()}
