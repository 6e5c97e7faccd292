"""Issue 11: a refused API body answers in Chinese words, never a raw code such as "null"."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.oversight.models import Measure

pytestmark = pytest.mark.django_db


def test_an_id_sent_as_null_is_refused_without_the_word_null(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict[str, Any]],
    today: Any,
) -> None:
    finding = raise_finding()
    answer = api_as("finance_clerk").post("/api/v1/measures/", {
        "finding": finding["id"], "description": "建立集体审批制度", "owner": None,
        "due_on": str(today + timedelta(days=30)), "criterion": "制度印发"}, format="json")
    assert answer.status_code == 400
    message = answer.json()["errors"]["owner"][0]
    assert "null" not in message and "不能为空" in message, message
    assert not Measure.objects.filter(finding_id=finding["id"]).exists()
