from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

PDF = b"%PDF-1.4\n% evidence\n"


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def pdf() -> Callable[[str], SimpleUploadedFile]:
    def make(name: str = "整改报告.pdf", content: bytes = PDF) -> SimpleUploadedFile:
        return SimpleUploadedFile(name, content, content_type="application/pdf")

    return make


@pytest.fixture
def raise_finding(api_as: Callable[[str], APIClient], org: Callable[[str], Any], today: date):
    """The inspector registers a finding at a unit (县财政局 by default)."""

    def make(unit: str = "县财政局", **extra: Any) -> dict[str, Any]:
        body = {"organization": org(unit).pk, "source": "巡察反馈", "category": "资金监管",
                "severity": "较重", "description": "专项资金拨付审批不规范，未经集体研究",
                "discovered_on": str(today - timedelta(days=3)), **extra}
        response = api_as("inspector").post("/api/v1/findings/", body, format="json")
        assert response.status_code == 201, response.content
        return response.json()

    return make


@pytest.fixture
def add_measure(api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date):
    def make(finding: dict[str, Any], due_in_days: int = 30, clerk: str = "finance_clerk"
             ) -> dict[str, Any]:
        body = {"finding": finding["id"], "description": "建立专项资金集体审批制度",
                "owner": user(clerk).person_id, "due_on": str(today + timedelta(days=due_in_days)),
                "criterion": "制度印发并执行"}
        response = api_as(clerk).post("/api/v1/measures/", body, format="json")
        assert response.status_code == 201, response.content
        return response.json()

    return make
