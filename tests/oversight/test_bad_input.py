"""Every refusal of the oversight issue: a clear Chinese message, and nothing changed."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.oversight.models import Evidence, Measure, MeasureStatus, Notice
from dangjian.oversight.services.measures import TRANSITIONS

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
           raise_finding: Callable[..., dict]) -> dict:
    return api_as("inspector").post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [raise_finding()["id"]],
        "reply_due": str(today + timedelta(days=5))}, format="json").json()


def test_a_reply_deadline_before_today_is_refused(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict],
) -> None:
    before = Notice.objects.count()
    response = api_as("inspector").post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [raise_finding()["id"]],
        "reply_due": str(today - timedelta(days=1))}, format="json")
    assert response.status_code == 400 and "回复期限" in response.json()["detail"]
    assert Notice.objects.count() == before


def test_a_notice_cannot_be_issued_twice(api_as: Callable[[str], APIClient], notice: dict) -> None:
    client = api_as("inspector")
    number = client.post(f"/api/v1/notices/{notice['id']}/issue/").json()["number"]
    again = client.post(f"/api/v1/notices/{notice['id']}/issue/")
    assert again.status_code == 400 and "不能从“已签发”变为“已签发”" in again.json()["detail"]
    assert Notice.objects.get(pk=notice["id"]).number == number


def test_only_the_inspector_issues_notices(
    api_as: Callable[[str], APIClient], notice: dict,
) -> None:
    for username in ["vice_head", "county_head", "finance_clerk"]:
        response = api_as(username).post(f"/api/v1/notices/{notice['id']}/issue/")
        assert response.status_code in (403, 404), username
    assert Notice.objects.get(pk=notice["id"]).status == "草稿"


def test_a_notice_for_findings_outside_the_recipients_area_is_refused(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict],
) -> None:
    education = raise_finding("县教育局")
    response = api_as("inspector").post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [education["id"]],
        "reply_due": str(today + timedelta(days=5))}, format="json")
    assert response.status_code == 400 and "分管范围" in response.json()["detail"]


def test_submitting_without_evidence_is_refused(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict],
) -> None:
    measure = add_measure(raise_finding())
    clerk = api_as("finance_clerk")
    clerk.post(f"/api/v1/measures/{measure['id']}/progress/", {"text": "推进中"}, format="json")
    response = clerk.post(f"/api/v1/measures/{measure['id']}/submit/")
    assert response.status_code == 400 and "佐证材料" in response.json()["detail"]
    assert Measure.objects.get(pk=measure["id"]).status == "整改中"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("a.exe", b"MZ\x90\x00", "不支持的文件类型"),
     ("fake.pdf", b"MZ\x90\x00 not a pdf", "不符")],
)
def test_forbidden_or_disguised_evidence_is_refused(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict], pdf: Any, name: str, content: bytes, message: str,
) -> None:
    measure = add_measure(raise_finding())
    response = api_as("finance_clerk").post(
        f"/api/v1/measures/{measure['id']}/evidence/", {"file": pdf(name, content)},
        format="multipart")
    assert response.status_code == 400 and message in response.json()["detail"]
    assert not Evidence.objects.filter(measure_id=measure["id"]).exists()
    _assert_refusal_audited(message)


def test_an_empty_file_is_refused(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict], pdf: Any,
) -> None:
    measure = add_measure(raise_finding())
    response = api_as("finance_clerk").post(
        f"/api/v1/measures/{measure['id']}/evidence/", {"file": pdf("empty.pdf", b"")},
        format="multipart")
    assert response.status_code == 400 and "空" in response.json()["detail"]
    assert not Evidence.objects.filter(measure_id=measure["id"]).exists()


def _assert_refusal_audited(message: str) -> None:
    event = AuditEvent.objects.filter(action="upload.refused").latest("pk")
    assert not event.success and event.username == "finance_clerk"
    assert message in event.after["reason"]


def test_evidence_over_the_size_limit_is_refused(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict], pdf: Any, settings: Any,
) -> None:
    settings.DANGJIAN_OVERSIGHT = {"evidence_max_bytes": 1024}
    measure = add_measure(raise_finding())
    response = api_as("finance_clerk").post(
        f"/api/v1/measures/{measure['id']}/evidence/",
        {"file": pdf("big.pdf", b"%PDF-" + b"0" * 2048)}, format="multipart")
    assert response.status_code == 400 and "大小上限" in response.json()["detail"]
    assert not Evidence.objects.filter(measure_id=measure["id"]).exists()
    _assert_refusal_audited("大小上限")


def test_only_the_inspector_verifies(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict], pdf: Any,
) -> None:
    measure = add_measure(raise_finding())
    url = f"/api/v1/measures/{measure['id']}/"
    clerk = api_as("finance_clerk")
    clerk.post(f"{url}progress/", {"text": "推进中"}, format="json")
    clerk.post(f"{url}evidence/", {"file": pdf()}, format="multipart")
    clerk.post(f"{url}submit/")
    for username in ["finance_clerk", "finance_secretary", "vice_head", "county_head"]:
        response = api_as(username).post(f"{url}verify/", {"decision": "accept"}, format="json")
        assert response.status_code == 403, username
        assert "纪检监察" in response.json()["detail"]
    assert Measure.objects.get(pk=measure["id"]).status == "待核查"


ALL = list(MeasureStatus.values)
FORBIDDEN = [(a, b) for a in ALL for b in ALL if b not in TRANSITIONS.get(a, set())]


@pytest.mark.parametrize(("current", "new"), FORBIDDEN)
def test_every_forbidden_measure_transition_is_refused(current: str, new: str) -> None:
    from django.core.exceptions import ValidationError

    from dangjian.oversight.services.transitions import check_move

    with pytest.raises(ValidationError, match=f"不能从“{current}”变为“{new}”"):
        check_move(TRANSITIONS, current, new, "整改措施")


def test_a_stale_edit_gets_a_conflict_not_a_silent_overwrite(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict],
) -> None:
    measure = add_measure(raise_finding())
    url = f"/api/v1/measures/{measure['id']}/"
    first = api_as("finance_clerk").patch(url, {"criterion": "制度印发", "version": 1},
                                          format="json")
    assert first.status_code == 200 and first.json()["version"] == 2
    second = api_as("finance_secretary").patch(url, {"criterion": "另一标准", "version": 1},
                                               format="json")
    assert second.status_code == 409 and "他人修改" in second.json()["detail"]
    assert Measure.objects.get(pk=measure["id"]).criterion == "制度印发"


def test_a_unit_cannot_register_findings_from_other_sources(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], today: date,
) -> None:
    body = {"organization": org("县财政局").pk, "source": "巡察反馈", "category": "资金监管",
            "severity": "一般", "description": "x", "discovered_on": str(today)}
    response = api_as("finance_clerk").post("/api/v1/findings/", body, format="json")
    assert response.status_code == 400 and "自查" in response.json()["detail"]
    unknown = api_as("inspector").post("/api/v1/findings/", {**body, "source": "道听途说"},
                                       format="json")
    assert unknown.status_code == 400


@pytest.mark.parametrize("change", [{"due_on": "before the finding"}, {"criterion": "  "},
                                    {"description": ""}])
def test_an_edit_is_held_to_the_rules_of_a_new_measure(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict], change: dict,
) -> None:
    finding = raise_finding()
    measure = add_measure(finding)
    if "due_on" in change:  # the day before the finding was discovered
        change = {"due_on": str(date.fromisoformat(finding["discovered_on"]) - timedelta(days=1))}
    before = Measure.objects.get(pk=measure["id"])
    response = api_as("finance_clerk").patch(f"/api/v1/measures/{measure['id']}/",
                                             {**change, "version": before.version}, format="json")
    assert response.status_code == 400
    assert "不能早于问题发现日期" in str(response.json()) or "不能为空" in str(response.json())
    after = Measure.objects.get(pk=measure["id"])
    assert (after.due_on, after.criterion, after.description, after.version) == (
        before.due_on, before.criterion, before.description, before.version)
