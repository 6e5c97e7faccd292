"""Evidence files: type and size checked, SHA-256 kept, the proven date apart from upload."""

import hashlib
from datetime import date
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from ..rules import local_settings

# Leading bytes of each accepted type: a renamed .exe is not a .pdf (等保 入侵防范: validate input).
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "ofd": (b"PK\x03\x04",),
}


def checked_upload(upload: UploadedFile, proves_date: date | None, today: date) -> dict[str, Any]:
    """The evidence row's fields for ``upload``; refuses what the county does not accept."""
    limits = local_settings()
    name = PurePath(upload.name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension == "jpeg":
        extension = "jpg"
    if extension not in limits.evidence_types:
        allowed = "、".join(limits.evidence_types)
        shown = extension or "无扩展名"
        raise ValidationError({"file": f"不支持的文件类型“{shown}”，仅限：{allowed}"})
    if upload.size is None or upload.size > limits.evidence_max_bytes:
        raise ValidationError(
            {"file": f"文件超过大小上限 {limits.evidence_max_bytes // (1024 * 1024)} MB"})
    if upload.size == 0:
        raise ValidationError({"file": "文件是空的"})
    digest = hashlib.sha256()
    head = b""
    for chunk in upload.chunks():
        head = head or chunk[:16]
        digest.update(chunk)
    upload.seek(0)
    if not head.startswith(SIGNATURES.get(extension, (b"",))):
        raise ValidationError({"file": f"文件内容与扩展名“{extension}”不符"})
    if proves_date is not None and proves_date > today:
        raise ValidationError({"proves_date": "佐证日期不能晚于今天"})
    return {"original_name": name[:200], "extension": extension, "size": upload.size,
            "sha256": digest.hexdigest(), "proves_date": proves_date}
