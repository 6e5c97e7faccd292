"""Sign-in sheets and photos of a meeting, checked by dangjian.core.files.checks (type by
content, size capped, hashed)."""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.files.checks import checked_upload
from dangjian.core.files.storage import stored_uploads
from dangjian.core.permissions import require

from ..models import Attachment, AttachmentKind, Meeting
from ..rules import local_settings


def meeting_attach(*, actor: User, meeting: Meeting, upload: UploadedFile, kind: str
                   ) -> Attachment:
    require(actor, "orglife.enter", meeting.organization)
    if kind not in AttachmentKind.values:
        raise ValidationError({"kind": f"附件类别只能是：{'、'.join(AttachmentKind.values)}"})
    fields = _checked(upload, actor)
    with stored_uploads() as uploads, transaction.atomic():
        attachment = Attachment(meeting=meeting, kind=kind, uploaded_by=actor, **fields)
        uploads.store(attachment, upload)
        record(actor=actor, action="meeting.attach", target=meeting, after=fields)
    return attachment


def _checked(upload: UploadedFile, actor: User) -> dict[str, Any]:
    limits = local_settings()
    return checked_upload(upload, allowed_types=limits.attachment_types,
                          max_bytes=limits.attachment_max_bytes, actor=actor)
