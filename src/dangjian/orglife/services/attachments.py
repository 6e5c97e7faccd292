"""Sign-in sheets and photos of a meeting: type checked by content, size capped, hashed."""

import hashlib
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from dangjian.audit.services import record

from ..models import Attachment, AttachmentKind, Meeting
from ..rules import local_settings
from .permissions import require_entry

# Leading bytes of each accepted type: a renamed .exe is not a .pdf (等保 入侵防范: validate input).
# A type a county adds without a signature here is refused rather than taken unchecked.
SIGNATURES: dict[str, bytes] = {
    "pdf": b"%PDF-", "jpg": b"\xff\xd8\xff", "png": b"\x89PNG\r\n\x1a\n",
    "docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04", "ofd": b"PK\x03\x04",
}


def meeting_attach(*, actor: Any, meeting: Meeting, upload: UploadedFile, kind: str
                   ) -> Attachment:
    require_entry(actor, meeting.organization)
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": f"附件类别只能是：{'、'.join(AttachmentKind.values)}"})
    fields = _checked(upload)
    with transaction.atomic():
        attachment = Attachment(meeting=meeting, kind=kind, uploaded_by=actor, **fields)
        attachment.file.save(f"{fields['sha256'][:16]}.{fields['extension']}", upload, save=False)
        try:
            attachment.save()
            record(actor=actor, action="meeting.attach", target=meeting, after=fields)
        except Exception:
            attachment.file.delete(save=False)  # no orphan file when the row is not written
            raise
    return attachment


def _checked(upload: UploadedFile) -> dict[str, Any]:
    limits = local_settings()
    name = PurePath(upload.name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extension = "jpg" if extension == "jpeg" else extension
    if extension not in limits.attachment_types:
        raise ValidationError({"file": f"不支持的文件类型“{extension or '无扩展名'}”，"
                                       f"仅限：{'、'.join(limits.attachment_types)}"})
    if not upload.size:
        raise ValidationError({"file": "文件是空的"})
    if upload.size > limits.attachment_max_bytes:
        raise ValidationError(
            {"file": f"文件超过大小上限 {limits.attachment_max_bytes // (1024 * 1024)} MB"})
    digest, head = hashlib.sha256(), b""
    for chunk in upload.chunks():
        head = head or chunk[:16]
        digest.update(chunk)
    upload.seek(0)
    if not head.startswith(SIGNATURES.get(extension, b"\0unknown")):
        raise ValidationError({"file": f"文件内容与扩展名“{extension}”不符"})
    return {"original_name": name[:200], "extension": extension, "size": upload.size,
            "sha256": digest.hexdigest()}
