"""Uploaded files: a plan's document turned into text, and evidence checked before it is kept.

Every upload is treated as hostile (等保 入侵防范: validate input): size first, then type by
extension and by leading bytes, so a renamed executable is not taken for a PDF.
"""

import io
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from dangjian.access.models import User
from dangjian.core.files.checks import checked_upload, extension_of, refuse_upload
from dangjian.core.pdf import PdfError, check_pdf

from ..outline import OutlineError, read_docx_text, read_pdf_text, read_text_file
from ..rules import local_settings

DOCUMENT_TYPES = ("docx", "txt", "pdf")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def document_text(upload: UploadedFile, *, actor: User | None = None) -> str:
    """The text of a speech or plan uploaded as .docx, .txt or .pdf (its text layer); a clear
    refusal otherwise (a hostile .docx or PDF audited with ``actor``)."""
    limit, name = local_settings().document_max_bytes, upload.name or ""
    extension = extension_of(name)
    if extension == "doc":
        refuse_upload(actor=actor, name=name,
                      reason="不支持旧版 .doc 文件，请在 Word 或 WPS 中另存为 .docx 后上传")
    if extension not in DOCUMENT_TYPES:
        refuse_upload(actor=actor, name=name, reason="只能上传 .docx、.txt 或 .pdf 文件")
    if upload.size is None or upload.size > limit:
        refuse_upload(actor=actor, name=name, reason=f"文件过大：不能超过 {_mb(limit)}")
    data = upload.read()
    try:
        if extension == "docx":
            return read_docx_text(data, actor=actor, name=upload.name or "")
        if extension == "pdf":
            if data.startswith(b"%PDF-"):
                try:
                    check_pdf(io.BytesIO(data))
                except PdfError as error:
                    refuse_upload(actor=actor, name=name, reason=str(error))
            return read_pdf_text(data)
        return read_text_file(data)
    except OutlineError as error:
        raise ValidationError({"file": str(error)}) from error


def checked_evidence(upload: UploadedFile, *, actor: User | None = None) -> dict[str, Any]:
    """The evidence row's fields for ``upload``; refuses what the county does not accept."""
    limits = local_settings()
    return checked_upload(upload, allowed_types=limits.evidence_types,
                          max_bytes=limits.evidence_max_bytes, actor=actor)
