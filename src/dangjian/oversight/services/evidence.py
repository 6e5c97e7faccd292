"""Evidence files of measures: checked by dangjian.core.files.checks, the proven
date kept apart from the upload date."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from dangjian.access.models import User
from dangjian.core.files.checks import checked_upload as checked_file

from ..rules import local_settings


def checked_upload(upload: UploadedFile, proves_date: date | None, today: date, *,
                   actor: User | None = None) -> dict[str, Any]:
    """The evidence row's fields for ``upload``; refuses what the county does not accept (a
    disguised or hostile file audited with ``actor``)."""
    limits = local_settings()
    fields = checked_file(upload, allowed_types=limits.evidence_types,
                          max_bytes=limits.evidence_max_bytes, actor=actor)
    if proves_date is not None and proves_date > today:
        raise ValidationError({"proves_date": "佐证日期不能晚于今天"})
    return {**fields, "proves_date": proves_date}
