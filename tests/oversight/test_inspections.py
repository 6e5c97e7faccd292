"""督导检查: a vice head inspects his 分管 departments and registers what he found (issue 13)."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Finding, Inspection
from dangjian.oversight.services.findings import leader_in_charge
from dangjian.oversight.services.inspections import inspection_add_finding

pytestmark = pytest.mark.django_db

TOPICS = ["执行党章", "党内政治生活准则", "民主集中制"]


def _body(org: Callable[[str], Organization], today: date, **extra: Any) -> dict[str, Any]:
    return {"targets": [org("县财政局").pk], "topics": TOPICS,
            "inspected_on": str(today - timedelta(days=2)),
            "items": [{"topic": "民主集中制", "text": "“三重一大”事项集体决策", "result": "不符合",
                       "note": "2项未上会"},
                      {"topic": "执行党章", "text": "按期换届", "result": "符合"}],
            "report": "对县财政局开展督导检查，发现问题2个。", **extra}


@pytest.fixture
def inspection(api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
               today: date) -> dict[str, Any]:
    response = api_as("vice_head").post("/api/v1/inspections/", _body(org, today), format="json")
    assert response.status_code == 201, response.content
    return dict(response.json())


def _finding(**extra: Any) -> dict[str, Any]:
    return {"category": "组织建设", "severity": "一般",
            "description": "“三重一大”事项未经党组会集体研究", **extra}


def test_a_vice_head_records_an_inspection_of_his_departments(
        inspection: dict[str, Any], user: Callable[[str], User],
        org: Callable[[str], Organization]) -> None:
    assert inspection["organizer"] == user("vice_head").person_id
    assert inspection["targets"] == [org("县财政局").pk]
    assert inspection["organization"] == org("县财政局").pk  # one target: its own unit
    assert [i["result"] for i in inspection["items"]] == ["不符合", "符合"]
    assert AuditEvent.objects.filter(action="inspection.create",
                                     object_id=str(inspection["id"])).exists()


def test_the_unit_and_the_inspector_see_it_another_unit_does_not(
        inspection: dict[str, Any], api_as: Callable[[str], APIClient]) -> None:
    url = f"/api/v1/inspections/{inspection['id']}/"
    assert api_as("finance_clerk").get(url).status_code == 200
    assert api_as("inspector").get(url).status_code == 200
    assert api_as("edu_clerk").get(url).status_code == 404


def test_an_inspection_outside_his_charge_is_refused(
        api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
        today: date) -> None:
    # 县教育局 is another vice head's: out of his scope, the id is as good as unknown
    body = _body(org, today, targets=[org("县财政局").pk, org("县教育局").pk])
    response = api_as("vice_head").post("/api/v1/inspections/", body, format="json")
    assert response.status_code == 400
    assert Inspection.objects.count() == 0


@pytest.mark.parametrize("who", ["inspector", "finance_clerk", "county_head"])
def test_only_a_vice_head_records_inspections(
        who: str, api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
        today: date) -> None:
    response = api_as(who).post("/api/v1/inspections/", _body(org, today), format="json")
    assert response.status_code in (400, 403)
    assert Inspection.objects.count() == 0


@pytest.mark.parametrize(("field", "value", "message"), [
    ("topics", [], "请选择检查内容"),
    ("inspected_on", "2099-01-01", ""),
    ("items", [{"topic": "执行党章", "text": " ", "result": "符合"}], ""),
    ("items", [{"topic": "执行党章", "text": "x", "result": "优秀"}], ""),
])
def test_bad_inspections_are_refused_with_nothing_written(
        field: str, value: Any, message: str, api_as: Callable[[str], APIClient],
        org: Callable[[str], Organization], today: date) -> None:
    body = _body(org, today, **{field: value})
    response = api_as("vice_head").post("/api/v1/inspections/", body, format="json")
    assert response.status_code == 400, response.content
    assert message in response.content.decode()
    assert Inspection.objects.count() == 0


def test_a_checklist_item_on_a_topic_not_inspected_is_refused(
        api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
        today: date) -> None:
    body = _body(org, today, topics=["执行党章"])  # the checklist has a 民主集中制 item
    response = api_as("vice_head").post("/api/v1/inspections/", body, format="json")
    assert response.status_code == 400
    assert "检查内容须是本次检查的内容之一" in response.content.decode()


def test_the_vice_head_registers_findings_of_his_inspection(
        inspection: dict[str, Any], api_as: Callable[[str], APIClient],
        user: Callable[[str], User], org: Callable[[str], Organization]) -> None:
    url = f"/api/v1/inspections/{inspection['id']}/findings/"
    response = api_as("vice_head").post(url, _finding(organization=org("县财政局").pk),
                                        format="json")
    assert response.status_code == 201, response.content
    finding = response.json()
    assert finding["source"] == "督导检查"
    assert finding["discovered_on"] == inspection["inspected_on"]
    assert finding["responsible_leader"] == user("vice_head").person_id
    assert Finding.objects.get(pk=finding["id"]).inspection_id == inspection["id"]
    seen = api_as("vice_head").get(f"/api/v1/inspections/{inspection['id']}/").json()
    assert seen["findings"] == [finding["id"]]
    # the unit sees it in its ledger, and the inspector can take it further
    assert api_as("finance_clerk").get(f"/api/v1/findings/{finding['id']}/").status_code == 200


def test_twice_in_a_row_gives_two_findings_as_two_problems(
        inspection: dict[str, Any], api_as: Callable[[str], APIClient],
        org: Callable[[str], Organization]) -> None:
    url = f"/api/v1/inspections/{inspection['id']}/findings/"
    vice = api_as("vice_head")
    first = vice.post(url, _finding(organization=org("县财政局").pk), format="json")
    second = vice.post(url, _finding(organization=org("县财政局").pk), format="json")
    assert (first.status_code, second.status_code) == (201, 201)
    # the second of the same unit and category is marked as a repeat (屡查屡犯), not hidden
    assert second.json()["repeat_of"] == first.json()["id"]


def test_a_finding_outside_his_scope_is_refused(
        inspection: dict[str, Any], api_as: Callable[[str], APIClient],
        org: Callable[[str], Organization]) -> None:
    url = f"/api/v1/inspections/{inspection['id']}/findings/"
    response = api_as("vice_head").post(url, _finding(organization=org("县教育局").pk),
                                        format="json")
    assert response.status_code == 400
    assert Finding.objects.count() == 0


def test_a_finding_on_a_unit_not_inspected_is_refused(
        inspection: dict[str, Any], api_as: Callable[[str], APIClient],
        user: Callable[[str], User]) -> None:
    from dangjian.people.models import Charge

    mine = Charge.objects.current().filter(leader_id=user("vice_head").person_id).exclude(
        organization__name="县财政局").order_by("pk").first().organization  # type: ignore[union-attr]
    url = f"/api/v1/inspections/{inspection['id']}/findings/"
    response = api_as("vice_head").post(url, _finding(organization=mine.pk), format="json")
    assert response.status_code == 400
    assert "不是本次督导检查的被检查单位" in response.content.decode()
    assert Finding.objects.count() == 0


def test_a_finding_before_the_inspection_is_refused(
        inspection: dict[str, Any], api_as: Callable[[str], APIClient],
        org: Callable[[str], Organization]) -> None:
    early = date.fromisoformat(inspection["inspected_on"]) - timedelta(days=1)
    response = api_as("vice_head").post(
        f"/api/v1/inspections/{inspection['id']}/findings/",
        _finding(organization=org("县财政局").pk, discovered_on=str(early)), format="json")
    assert response.status_code == 400
    assert "发现日期不能早于检查日期" in response.content.decode()


def test_a_finding_not_from_his_own_inspection_is_refused(
        user: Callable[[str], User], org: Callable[[str], Organization], today: date) -> None:
    other_leader = leader_in_charge(org("县教育局"))
    assert other_leader is not None and other_leader.pk != user("vice_head").person_id
    theirs = Inspection.objects.create(
        organizer=other_leader, organization=org("县财政局"), topics=TOPICS,
        inspected_on=today, created_by=user("inspector"))
    theirs.targets.set([org("县财政局")])
    with pytest.raises(PermissionDenied):
        inspection_add_finding(actor=user("vice_head"), inspection=theirs,
                               organization=org("县财政局"), category="组织建设",
                               severity="一般", description="问题")
    assert Finding.objects.count() == 0


def test_another_users_inspection_is_refused_through_the_api(
        inspection: dict[str, Any], api_as: Callable[[str], APIClient],
        org: Callable[[str], Organization]) -> None:
    # The unit's clerk sees the inspection but did not lead it; the inspector neither.
    url = f"/api/v1/inspections/{inspection['id']}/findings/"
    for who in ("finance_clerk", "inspector"):
        response = api_as(who).post(url, _finding(organization=org("县财政局").pk),
                                    format="json")
        assert response.status_code == 403, who
    assert Finding.objects.count() == 0


def test_without_an_inspection_the_vice_head_still_may_not_register(
        api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
        today: date) -> None:
    body = {**_finding(organization=org("县财政局").pk), "source": "督导检查",
            "discovered_on": str(today)}
    response = api_as("vice_head").post("/api/v1/findings/", body, format="json")
    assert response.status_code in (400, 403)
    assert Finding.objects.count() == 0


def test_the_inspector_and_the_clerk_keep_their_rights(
        raise_finding: Callable[..., dict[str, Any]], api_as: Callable[[str], APIClient],
        org: Callable[[str], Organization], today: date) -> None:
    assert raise_finding(source="督导检查")["source"] == "督导检查"
    body = {**_finding(organization=org("县财政局").pk), "source": "自查",
            "discovered_on": str(today)}
    assert api_as("finance_clerk").post("/api/v1/findings/", body,
                                        format="json").status_code == 201


def test_a_vice_head_whose_charge_ended_is_refused(
        inspection: dict[str, Any], api_as: Callable[[str], APIClient],
        user: Callable[[str], User], org: Callable[[str], Organization], today: date) -> None:
    from dangjian.people.models import Charge

    Charge.objects.filter(leader_id=user("vice_head").person_id,
                          organization=org("县财政局")).update(end_on=today - timedelta(days=1))
    response = api_as("vice_head").post(
        f"/api/v1/inspections/{inspection['id']}/findings/",
        _finding(organization=org("县财政局").pk), format="json")
    assert response.status_code in (400, 403, 404)
    assert Finding.objects.count() == 0
