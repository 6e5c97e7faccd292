from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.oversight.models import RiskPoint

pytestmark = pytest.mark.django_db


def _body(org: Callable[[str], Any], unit: str = "县财政局", **extra: Any) -> dict:
    return {"organization": org(unit).pk, "post": "预算科科长", "area": "公共财政支出",
            "risk": "预算资金拨付不按程序", "level": "高", "controls": "集体研究、分级审批",
            "review_on": "2027-06-30", **extra}


def test_a_unit_records_its_risk_points_and_a_finding_can_cite_one(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
) -> None:
    response = api_as("finance_clerk").post("/api/v1/risk-points/", _body(org), format="json")
    assert response.status_code == 201, response.content
    point = response.json()
    assert point["area"] == "公共财政支出"
    finding = raise_finding(risk_point=point["id"])
    assert finding["risk_point"] == point["id"]
    seen = api_as("edu_clerk").get(f"/api/v1/risk-points/{point['id']}/")
    assert seen.status_code == 404


def test_an_unknown_area_or_another_units_point_is_refused(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    before = RiskPoint.objects.count()
    unknown = api_as("finance_clerk").post("/api/v1/risk-points/",
                                           _body(org, area="炼丹"), format="json")
    assert unknown.status_code == 400
    other = api_as("finance_clerk").post("/api/v1/risk-points/", _body(org, "县教育局"),
                                         format="json")
    assert other.status_code == 400 and "范围" in other.json()["detail"]
    assert RiskPoint.objects.count() == before
