from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.oversight.models import Accountability

pytestmark = pytest.mark.django_db


def _open(api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
          discovered_on: date | None = None, **extra: Any) -> dict:
    finding = raise_finding(**({"discovered_on": str(discovered_on)} if discovered_on else {}))
    response = api_as("inspector").post("/api/v1/accountability/", {
        "organization": org("县财政局").pk, "findings": [finding["id"]],
        "reason": "整改不力，问题反弹", **extra}, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def test_an_organisational_adjustment_must_be_completed_within_one_month(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], user: Callable[[str], Any],
    raise_finding: Any,
) -> None:
    case = _open(api_as, org, raise_finding, person=user("finance_secretary").person_id,
                 discovered_on=date(2026, 1, 20))
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


# --- issue 10: decisions follow a state map, dates are bounded, corrections are recorded -----

def _decided(api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
             today: date, completed: bool = False) -> dict:
    case = _open(api_as, org, raise_finding)  # the finding was discovered three days ago
    inspector = api_as("inspector")
    decided = inspector.post(f"/api/v1/accountability/{case['id']}/decide/", {
        "form": "通报", "decided_on": str(today - timedelta(days=1)),
        "deciding_body": "县纪委"}, format="json")
    assert decided.status_code == 200, decided.content
    if completed:
        done = inspector.post(f"/api/v1/accountability/{case['id']}/complete/",
                              {"on": str(today)}, format="json")
        assert done.status_code == 200, done.content
        return dict(done.json())
    return dict(decided.json())


def _snapshot(case_id: int) -> tuple[Any, ...]:
    case = Accountability.objects.get(pk=case_id)
    return (case.status, case.form, case.four_forms, case.decided_on, case.deciding_body,
            case.complete_by, case.completed_on, case.corrections.count())


def test_a_completed_decision_cannot_be_decided_again(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
    today: date,
) -> None:
    case = _decided(api_as, org, raise_finding, today, completed=True)
    before = _snapshot(case["id"])
    events = AuditEvent.objects.count()
    for _ in range(2):  # twice in a row: the same refusal, nothing written
        again = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/decide/", {
            "form": "检查", "decided_on": str(today), "deciding_body": "县委"}, format="json")
        assert again.status_code == 400
        assert "问责不能从“已完成”变为“已决定”" in again.json()["detail"]
    complete_again = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/complete/",
                                              {"on": str(today)}, format="json")
    assert complete_again.status_code == 400
    assert _snapshot(case["id"]) == before and AuditEvent.objects.count() == events


def test_a_decided_case_is_not_decided_a_second_time(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
    today: date,
) -> None:
    case = _decided(api_as, org, raise_finding, today)
    again = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/decide/", {
        "form": "检查", "decided_on": str(today), "deciding_body": "县委"}, format="json")
    assert again.status_code == 400
    assert "问责不能从“已决定”变为“已决定”" in again.json()["detail"]
    assert Accountability.objects.get(pk=case["id"]).form == "通报"


@pytest.mark.parametrize(("decided_on", "message"), [
    (date(1, 1, 1), "决定日期"),  # refused by the bounded date input or by the rule
    (None, "不能早于问题发现日期"),  # the day before the finding was discovered
    ("tomorrow", "不能晚于今天"),
    ("next year", "不能晚于今天"),
])
def test_a_decision_date_is_bounded_by_the_finding_and_today(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
    today: date, decided_on: Any, message: str,
) -> None:
    case = _open(api_as, org, raise_finding)
    day = {None: today - timedelta(days=4), "tomorrow": today + timedelta(days=1),
           "next year": today + timedelta(days=366)}.get(decided_on, decided_on)
    response = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/decide/", {
        "form": "通报", "decided_on": str(day), "deciding_body": "县纪委"}, format="json")
    assert response.status_code == 400 and message in response.json()["detail"]
    assert _snapshot(case["id"])[:2] == ("建议", "")


@pytest.mark.parametrize("offset", [-2, 1])  # before the decision; in the future
def test_a_completion_date_is_on_or_after_the_decision_and_not_in_the_future(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
    today: date, offset: int,
) -> None:
    case = _decided(api_as, org, raise_finding, today)
    response = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/complete/",
                                        {"on": str(today + timedelta(days=offset))},
                                        format="json")
    assert response.status_code == 400 and "手续完成日期" in response.json()["detail"]
    assert _snapshot(case["id"])[0] == "已决定"
    on_the_decision_day = api_as("inspector").post(
        f"/api/v1/accountability/{case['id']}/complete/",
        {"on": str(today - timedelta(days=1))}, format="json")
    assert on_the_decision_day.status_code == 200, on_the_decision_day.content


def test_a_completed_case_changes_only_through_a_recorded_correction(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
    today: date,
) -> None:
    case = _decided(api_as, org, raise_finding, today, completed=True)
    url = f"/api/v1/accountability/{case['id']}/correct/"
    inspector = api_as("inspector")
    without_reason = inspector.post(url, {"deciding_body": "县委"}, format="json")
    assert without_reason.status_code == 400 and _snapshot(case["id"])[-1] == 0
    fixed = inspector.post(url, {"reason": "决定机关录入有误", "deciding_body": "中共示范县委",
                                 "decided_on": str(today - timedelta(days=2))}, format="json")
    assert fixed.status_code == 200, fixed.content
    body = fixed.json()
    assert body["deciding_body"] == "中共示范县委" and body["status"] == "已完成"
    [correction] = body["corrections"]
    assert correction["reason"] == "决定机关录入有误"
    assert correction["before"]["deciding_body"] == "县纪委"
    assert correction["after"]["decided_on"] == str(today - timedelta(days=2))
    assert correction["corrected_by"] == "inspector"
    event = AuditEvent.objects.filter(action="accountability.correct").latest("pk")
    assert event.object_id == str(case["id"])
    shown = inspector.get(f"/api/v1/accountability/{case['id']}/").json()
    assert shown["corrections"] == body["corrections"]
    # twice in a row: nothing left to correct, nothing recorded
    again = inspector.post(url, {"reason": "决定机关录入有误", "deciding_body": "中共示范县委",
                                 "decided_on": str(today - timedelta(days=2))}, format="json")
    assert again.status_code == 400 and "相同" in again.json()["detail"]
    assert _snapshot(case["id"])[-1] == 1


@pytest.mark.parametrize(("change", "field"), [
    ({"decided_on": "0001-01-01"}, "decided_on"),
    ({"decided_on": "tomorrow"}, "decided_on"),
    ({"completed_on": "before decision"}, "completed_on"),
    ({"completed_on": "tomorrow"}, "completed_on"),
    ({"form": "诫勉"}, "form"),  # a form for cadres, not for an organisation
    ({"four_forms": "第五种形态"}, "four_forms"),
])
def test_a_correction_is_checked_as_a_decision_is(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
    today: date, change: dict[str, str], field: str,
) -> None:
    case = _decided(api_as, org, raise_finding, today, completed=True)
    words = {"tomorrow": today + timedelta(days=1),
             "before decision": today - timedelta(days=2)}
    body = {k: str(words.get(v, v)) for k, v in change.items()}
    before = _snapshot(case["id"])
    response = api_as("inspector").post(f"/api/v1/accountability/{case['id']}/correct/",
                                        {"reason": "更正", **body}, format="json")
    assert response.status_code == 400 and field in response.json()["errors"], response.content
    assert _snapshot(case["id"]) == before


@pytest.mark.parametrize("username", ["county_head", "finance_secretary", "edu_clerk"])
def test_only_an_inspector_corrects_and_others_change_nothing(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], raise_finding: Any,
    today: date, username: str,
) -> None:
    case = _decided(api_as, org, raise_finding, today, completed=True)
    response = api_as(username).post(f"/api/v1/accountability/{case['id']}/correct/",
                                     {"reason": "更正", "deciding_body": "县委"}, format="json")
    assert response.status_code in (403, 404)  # 404: outside edu_clerk's scope
    assert Accountability.objects.get(pk=case["id"]).deciding_body == "县纪委"
