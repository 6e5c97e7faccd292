"""Evidence files of progress reports come back verified (tests.security_data.downloads)."""

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from dangjian.tasks.models import ProgressEvidence
from tests.security_data.downloads import NAME, PDF, DownloadContract, Stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(api_as: Callable[[str], APIClient], deploy: Callable[..., dict], speech: str
           ) -> Stored:
    deploy(speech)
    clerk = api_as("finance_clerk")
    task = clerk.get("/api/v1/tasks/").json()["results"][0]
    reported = clerk.post(f"/api/v1/tasks/{task['id']}/progress/", {
        "text": "已召开党组会专题研究", "percent": "40", "files": [SimpleUploadedFile(NAME, PDF)]},
        format="multipart")
    assert reported.status_code == 201, reported.content
    row = ProgressEvidence.objects.get(pk=reported.json()["evidence"][0]["id"])
    return Stored(api_url=f"/api/v1/tasks/{task['id']}/evidence/{row.pk}/file",
                  page_url=f"/tasks/evidence/{row.pk}/", row=row)


class TestProgressEvidenceDownload(DownloadContract):
    pass
