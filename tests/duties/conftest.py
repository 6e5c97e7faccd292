from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.orgs.models import Organization
from tests.tasks.conftest import deploy, government, speech

__all__ = ["deploy", "government", "speech"]  # the tasks' fixtures, shared

PDF = b"%PDF-1.4\n% fulfilment evidence\n"


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def pdf() -> Callable[[str], SimpleUploadedFile]:
    def make(name: str = "会议记录.pdf") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, PDF, content_type="application/pdf")

    return make


@pytest.fixture
def finance_group(org: Callable[[str], Organization]) -> Organization:
    """县财政局党组: the party body of 县财政局, where its lists are kept."""
    return org("县财政局党组")


@pytest.fixture
def make_list(api_as: Callable[[str], APIClient], today: date):
    """A list created through the API; ``person`` None is the body's own."""

    def make(organization: Organization, person: int | None = None,
             username: str = "finance_clerk", year: int | None = None) -> dict[str, Any]:
        response = api_as(username).post("/api/v1/responsibility-lists/", {
            "organization": organization.pk, "year": year or today.year, "person": person},
            format="json")
        assert response.status_code == 201, response.content
        return response.json()

    return make


def item_of(rlist: dict[str, Any], key: str) -> dict[str, Any]:
    return next(i for i in rlist["items"] if i["item"]["template_key"] == key)
