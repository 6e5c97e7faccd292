"""The one download of a stored file, for the API (``ScopedViewSet.download``) and the pages."""

from typing import Any

from django.db import models
from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase

from dangjian.audit.services import record
from dangjian.core.files.checks import (
    CONTENT_TYPES,
    OCTET_STREAM,
    FileIntegrityError,
    evidence_open,
)


def download_response(*, evidence: Any, actor: Any) -> FileResponse:
    """The evidence's file as an attachment under its original name (RFC 5987 ``filename*``
    for a Chinese one), served only after its SHA-256 matched; the download is audited.
    FileIntegrityError, a Conflict (409 in the API), when it is missing or changed."""
    opened = evidence_open(evidence=evidence, actor=actor)
    try:
        name = "".join(char for char in evidence.original_name if char.isprintable())
        response = FileResponse(opened, as_attachment=True, filename=name or "file",
                                content_type=CONTENT_TYPES.get(evidence.extension, OCTET_STREAM))
        response["X-Content-Type-Options"] = "nosniff"
        target = evidence if isinstance(evidence, models.Model) else None
        record(actor=actor, action="file.download", target=target,
               after={"name": evidence.original_name, "sha256": evidence.sha256})
    except BaseException:  # no download without its audit event, and no file left open
        opened.close()
        raise
    return response


def download_page(*, evidence: Any, actor: Any) -> HttpResponseBase:
    """``download_response`` for a page link: a changed or missing file answers 409 with the
    message as plain text, where the API answers its JSON."""
    try:
        return download_response(evidence=evidence, actor=actor)
    except FileIntegrityError as error:
        return HttpResponse(error.message, status=409, content_type="text/plain; charset=utf-8")
