"""Issue 11: corrections and withdrawals of findings tried from outside the scope, by the
role below, twice in a row and with edge values."""

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.oversight.models import Finding

pytestmark = pytest.mark.django_db


def _events(finding_id: int) -> int:
    return AuditEvent.objects.filter(object_type="oversight.Finding",
                                     object_id=str(finding_id)).count()


@pytest.mark.parametrize("step", ["correct", "withdraw"])
def test_outside_the_scope_a_finding_step_is_404_and_below_it_403(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict[str, Any]],
    step: str,
) -> None:
    finding = raise_finding()
    before = _events(finding["id"])
    body = {"reason": "登记有误", "description": "改过的描述"}
    outside = api_as("edu_clerk").post(f"/api/v1/findings/{finding['id']}/{step}/", body,
                                       format="json")
    assert outside.status_code == 404
    below = api_as("finance_clerk").post(f"/api/v1/findings/{finding['id']}/{step}/", body,
                                         format="json")
    assert below.status_code == 403
    assert _events(finding["id"]) == before
    assert Finding.objects.get(pk=finding["id"]).status == finding["status"]


def test_withdrawing_twice_answers_the_second_time_in_chinese_and_changes_nothing(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    finding = raise_finding()
    inspector = api_as("inspector")
    first = inspector.post(f"/api/v1/findings/{finding['id']}/withdraw/",
                           {"reason": "登记重复"}, format="json")
    assert first.status_code == 200, first.content
    events = _events(finding["id"])
    again = inspector.post(f"/api/v1/findings/{finding['id']}/withdraw/",
                           {"reason": "登记重复"}, format="json")
    assert again.status_code == 400 and "已撤销" in again.json()["detail"]
    assert _events(finding["id"]) == events


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "2026-02-30", "x" * 1000])
def test_a_correction_to_an_edge_date_is_refused_in_chinese(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict[str, Any]],
    day: str,
) -> None:
    finding = raise_finding()
    events = _events(finding["id"])
    answer = api_as("inspector").post(f"/api/v1/findings/{finding['id']}/correct/",
                                      {"reason": "日期登记错", "discovered_on": day},
                                      format="json")
    assert answer.status_code == 400, answer.content
    message = json.dumps(answer.json(), ensure_ascii=False)
    assert re.search(r"[\u4e00-\u9fff]", message) and "wrong format" not in message, message
    assert _events(finding["id"]) == events


def test_a_correction_reason_is_bounded_like_a_withdrawal_reason(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    finding = raise_finding()
    answer = api_as("inspector").post(f"/api/v1/findings/{finding['id']}/correct/",
                                      {"reason": "理" * 5000, "description": "改过的描述"},
                                      format="json")
    assert answer.status_code == 400, answer.content
    assert "200" in json.dumps(answer.json(), ensure_ascii=False)
    assert re.search(r"[\u4e00-\u9fff]", json.dumps(answer.json(), ensure_ascii=False))
    assert Finding.objects.get(pk=finding["id"]).description == finding["description"]
