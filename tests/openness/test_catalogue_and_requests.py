"""公开目录 and 依申请公开 over the API."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.openness.models import CatalogueItem, DisclosureRequest
from tests.conftest import fixed_today

pytestmark = pytest.mark.django_db
CATALOGUE, REQUESTS = "/api/v1/disclosure-catalogue/", "/api/v1/disclosure-requests/"


def _item(org: Callable[[str], Any], unit: str = "县财政局", **extra: Any) -> dict[str, Any]:
    return {"organization": org(unit).pk, "year": 2026, "domain": "政务",
            "content": "财政预决算", "audience": "向社会", "cadence": "事项形成后",
            "working_days": 20, "channel": "网站",
            "basis": "《政府信息公开条例》第二十六条", **extra}


def test_a_clerk_keeps_the_catalogue_and_a_disclosure_takes_its_cadence(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    clerk = api_as("finance_clerk")
    item = clerk.post(CATALOGUE, _item(org), format="json")
    assert item.status_code == 201, item.content
    made = clerk.post("/api/v1/disclosures/", {
        "organization": org("县财政局").pk, "item": item.json()["id"], "title": "2027年预算",
        "body": "预算公开", "matter_on": "2026-11-02"}, format="json")
    assert made.status_code == 201, made.content
    # 20 working days after Monday 2026-11-02: four weeks on.
    assert made.json()["due_on"] == "2026-11-30"
    assert (made.json()["domain"], made.json()["audience"]) == ("政务", "向社会")


def test_a_quarterly_item_is_due_after_its_quarter(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    clerk = api_as("finance_clerk")
    item = clerk.post(CATALOGUE, _item(org, domain="财务", cadence="每季", working_days=None),
                      format="json").json()
    made = clerk.post("/api/v1/disclosures/", {
        "organization": org("县财政局").pk, "item": item["id"], "title": "三季度财务收支",
        "body": "收支明细", "matter_on": "2026-08-15"}, format="json").json()
    # 10 working days after 2026-09-30 (the National Day week off, Saturday 10-10 worked).
    assert made["due_on"] == "2026-10-20"


def test_bad_catalogue_input_is_refused_by_field(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    clerk, before = api_as("finance_clerk"), CatalogueItem.objects.count()
    for bad in ({"domain": "家务"}, {"working_days": None}, {"year": 1990},
                {"audience": "全世界"}, {"content": ""}):
        assert clerk.post(CATALOGUE, _item(org, **bad), format="json").status_code == 400, bad
    other = clerk.post(CATALOGUE, _item(org, "县教育局"), format="json")
    assert other.status_code == 400
    assert api_as("member").post(CATALOGUE, _item(org), format="json").status_code in (400, 403)
    assert CatalogueItem.objects.count() == before


def test_a_request_is_due_in_20_working_days_and_extends_once(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    clerk = api_as("finance_clerk")
    made = clerk.post(REQUESTS, {"organization": org("县财政局").pk, "applicant": "张某",
                                 "content": "申请公开某项目资金拨付情况",
                                 "received_on": "2026-11-02"}, format="json")
    assert made.status_code == 201, made.content
    request = made.json()
    # 2026's holidays are known: 20 working days from 11-02 end on 11-30; overdue depends on
    # the day the run treats as today
    assert request["due_on"] == "2026-11-30"
    assert request["overdue"] is (fixed_today() > date(2026, 11, 30))
    too_long = clerk.post(f"{REQUESTS}{request['id']}/extend/", {"days": 21, "reason": "复杂"},
                          format="json")
    assert too_long.status_code == 400
    extended = clerk.post(f"{REQUESTS}{request['id']}/extend/",
                          {"days": 20, "reason": "需征求第三方意见"}, format="json")
    assert extended.status_code == 200
    assert extended.json()["due_on"] == "2026-12-28"
    assert extended.json()["overdue"] is (fixed_today() > date(2026, 12, 28))
    twice = clerk.post(f"{REQUESTS}{request['id']}/extend/", {"days": 5, "reason": "再延"},
                       format="json")
    assert twice.status_code == 400 and "只能延长一次" in twice.json()["detail"]
    decided = clerk.post(f"{REQUESTS}{request['id']}/decide/", {"decision": "部分公开"},
                         format="json")
    assert decided.status_code == 200 and decided.json()["decision"] == "部分公开"
    assert clerk.post(f"{REQUESTS}{request['id']}/decide/", {"decision": "予以公开"},
                      format="json").status_code == 400


def test_another_unit_cannot_touch_a_request(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    made = api_as("finance_clerk").post(REQUESTS, {
        "organization": org("县财政局").pk, "applicant": "李某", "content": "申请",
        "received_on": "2026-12-01"}, format="json").json()
    edu = api_as("edu_clerk")
    assert edu.post(f"{REQUESTS}{made['id']}/decide/", {"decision": "予以公开"},
                    format="json").status_code == 404
    assert api_as("vice_head").post(f"{REQUESTS}{made['id']}/decide/", {"decision": "予以公开"},
                                    format="json").status_code == 403
    assert DisclosureRequest.objects.get(pk=made["id"]).decision == ""
