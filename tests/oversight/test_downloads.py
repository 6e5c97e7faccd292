"""Evidence files of a measure come back verified (tests.security_data.downloads)."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from dangjian.oversight.models import Evidence
from tests.security_data.downloads import NAME, PDF, DownloadContract, Stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
           add_measure: Callable[..., dict]) -> Stored:
    measure = add_measure(raise_finding())
    response = api_as("finance_clerk").post(
        f"/api/v1/measures/{measure['id']}/evidence/", {"file": SimpleUploadedFile(NAME, PDF)},
        format="multipart")
    assert response.status_code == 201, response.content
    row = Evidence.objects.get(pk=response.json()["id"])
    return Stored(api_url=f"/api/v1/measures/{measure['id']}/evidence/{row.pk}/file",
                  page_url=f"/oversight/evidence/{row.pk}/", row=row)


class TestMeasureEvidenceDownload(DownloadContract):
    def test_the_measure_page_links_the_file_name(self, stored: Stored,
                                                  user: Callable[[str], Any]) -> None:
        client = Client()
        client.force_login(user("finance_clerk"))
        html = client.get(f"/oversight/measures/{stored.row.measure_id}/").content.decode()
        assert f'<a href="{stored.page_url}">{NAME}</a>' in html

    def test_a_file_of_another_measure_is_not_served_through_this_one(
        self, stored: Stored, api_as: Callable[[str], APIClient],
        raise_finding: Callable[..., dict], add_measure: Callable[..., dict],
    ) -> None:
        other = add_measure(raise_finding())
        url = f"/api/v1/measures/{other['id']}/evidence/{stored.row.pk}/file"
        assert api_as("finance_clerk").get(url).status_code == 404
