from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.oversight.models import Accountability

pytestmark = pytest.mark.django_db


def _open(api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
          **extra: Any) -> dict:
    finding = raise_finding()
    response = api_as("inspector").post("/api/v1/accountability/", {
        "organization": org("县财政局").pk, "findings": [finding["id"]],
        "reason": "整改不力，问题反弹", **extra}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_an_organisational_adjustment_must_be_completed_within_one_month(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], user: Callable[[str], Any],
    raise_finding: Any,
) -> None:
    case = _open(api_as, org, raise_finding, person=user("finance_secretary").person_id)
    decided = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/decide/", {
        "form": "组织调整或者组织处理", "decided_on": "2026-01-31",
        "deciding_body": "中共示范县委", "four_forms": "第二种形态"}, format="json")
    assert decided.status_code == 200, decided.content
    # 问责条例: within one month; 2026-02-28 is a 补班 Saturday, a working day
    assert decided.json()["complete_by"] == "2026-02-28"
    assert decided.json()["status"] == "已决定" and decided.json()["four_forms"] == "第二种形态"


def test_a_form_meant_for_cadres_is_refused_for_an_organisation_citing_the_article(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
) -> None:
    case = _open(api_as, org, raise_finding)
    response = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/decide/", {
        "form": "诫勉", "decided_on": str(date(2026, 3, 2)), "deciding_body": "县纪委"},
        format="json")
    assert response.status_code == 400
    assert "问责条例" in response.json()["detail"] and "第八条" in response.json()["detail"]
    assert Accountability.objects.get(pk=case["id"]).status == "建议"


def test_only_inspectors_open_and_decide_accountability(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    response = api_as("county_head").post("/api/v1/accountability/", {
        "organization": org("县财政局").pk, "reason": "x"}, format="json")
    assert response.status_code == 403


def test_completion_is_recorded_after_the_decision_only(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
) -> None:
    case = _open(api_as, org, raise_finding)
    early = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/complete/",
                                     {"on": "2026-03-01"}, format="json")
    assert early.status_code == 400 and "作出决定" in early.json()["detail"]
