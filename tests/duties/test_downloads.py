"""Evidence files of 履责记实 come back verified (tests.security_data.downloads)."""

from collections.abc import Callable
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.duties.models import FulfilmentEvidence
from dangjian.orgs.models import Organization
from tests.security_data.downloads import NAME, PDF, DownloadContract, Stored

from .conftest import item_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(api_as: Callable[[str], APIClient], make_list: Callable[..., dict],
           finance_group: Organization, user: Callable[[str], User], today: date) -> Stored:
    rlist = make_list(finance_group, person=user("finance_secretary").person_id)
    item = item_of(rlist, "sec.coordinate")["item"]
    response = api_as("finance_clerk").post("/api/v1/fulfilments/", {
        "item": item["id"], "done_on": str(today), "description": "召开协调会",
        "files": [SimpleUploadedFile(NAME, PDF)]}, format="multipart")
    assert response.status_code == 201, response.content
    record = response.json()
    row = FulfilmentEvidence.objects.get(pk=record["evidence"][0]["id"])
    return Stored(api_url=f"/api/v1/fulfilments/{record['id']}/evidence/{row.pk}/file",
                  page_url=f"/duties/evidence/{row.pk}/", row=row)


class TestFulfilmentEvidenceDownload(DownloadContract):
    pass
