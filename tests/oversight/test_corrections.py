"""Corrections and withdrawals: a reason, the right side, before and after in the audit log,
and the other side told; nothing silently overwritten."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.notifications.models import Notification
from dangjian.oversight.models import Finding, Progress

pytestmark = pytest.mark.django_db


def events(action: str, pk: int) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action, object_id=str(pk)))


def test_the_inspector_corrects_a_finding_with_a_reason_kept_before_and_after(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any],
    raise_finding: Callable[..., dict],
) -> None:
    finding = raise_finding()
    url = f"/api/v1/findings/{finding['id']}/correct/"
    inspector = api_as("inspector")
    refused = inspector.post(url, {"reason": "  ", "severity": "一般"}, format="json")
    assert refused.status_code == 400
    assert Finding.objects.get(pk=finding["id"]).severity.name == "较重"

    done = inspector.post(url, {"reason": "定性有误", "severity": "一般"}, format="json")
    assert done.status_code == 200, done.content
    assert done.json()["severity"] == "一般"
    [event] = events("finding.correct", finding["id"])
    assert event.before == {"severity": "较重"}
    assert event.after == {"severity": "一般", "reason": "定性有误"}
    [told] = Notification.objects.filter(recipient=user("finance_clerk"), kind="finding.corrected")
    assert "严重程度" in told.body and "定性有误" in told.body

    again = inspector.post(url, {"reason": "定性有误", "severity": "一般"}, format="json")
    assert again.status_code == 400  # nothing to correct: no second event, no second notice
    assert len(events("finding.correct", finding["id"])) == 1


def test_a_unit_may_not_correct_what_the_inspector_raised(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
) -> None:
    finding = raise_finding()
    for verb in ("correct", "withdraw"):
        response = api_as("finance_clerk").post(
            f"/api/v1/findings/{finding['id']}/{verb}/", {"reason": "不同意"}, format="json")
        assert response.status_code == 403
    assert Finding.objects.get(pk=finding["id"]).status == "待整改"


def test_a_finding_out_of_scope_answers_404(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
) -> None:
    finding = raise_finding()
    response = api_as("edu_clerk").post(f"/api/v1/findings/{finding['id']}/withdraw/",
                                        {"reason": "错登"}, format="json")
    assert response.status_code == 404


def test_a_unit_withdraws_its_own_self_report_and_the_inspector_cannot_then_use_it(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict],
) -> None:
    clerk = api_as("finance_clerk")
    body = {"organization": user("finance_clerk").grants.get().organization_id,
            "source": "自查", "category": "资金监管", "severity": "一般",
            "description": "重复登记的问题", "discovered_on": str(today)}
    finding = clerk.post("/api/v1/findings/", body, format="json").json()
    url = f"/api/v1/findings/{finding['id']}/withdraw/"
    assert clerk.post(url, {"reason": ""}, format="json").status_code == 400
    done = clerk.post(url, {"reason": "与第一条重复"}, format="json")
    assert done.status_code == 200 and done.json()["status"] == "已撤销"
    assert clerk.post(url, {"reason": "与第一条重复"}, format="json").status_code == 400
    [event] = events("finding.withdraw", finding["id"])
    assert event.before == {"status": "待整改"} and event.after["reason"] == "与第一条重复"
    [told] = Notification.objects.filter(recipient=user("finance_secretary"),
                                         kind="finding.withdrawn")
    assert "与第一条重复" in told.body
    notice = api_as("inspector").post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [finding["id"]],
        "reply_due": str(today + timedelta(days=5))}, format="json")
    assert notice.status_code == 400


def test_a_finding_named_in_an_issued_notice_cannot_be_withdrawn(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict],
) -> None:
    finding = raise_finding()
    inspector = api_as("inspector")
    notice = inspector.post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [finding["id"]],
        "reply_due": str(today + timedelta(days=10))}, format="json").json()
    inspector.post(f"/api/v1/notices/{notice['id']}/issue/")
    response = inspector.post(f"/api/v1/findings/{finding['id']}/withdraw/",
                              {"reason": "错登"}, format="json")
    assert response.status_code == 400 and "提示单" in response.json()["detail"]
    assert Finding.objects.get(pk=finding["id"]).status == "待整改"


def test_a_wrong_progress_report_is_corrected_by_a_new_entry_naming_it(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any],
    raise_finding: Callable[..., dict], add_measure: Callable[..., dict],
) -> None:
    measure = add_measure(raise_finding())
    clerk = api_as("finance_clerk")
    url = f"/api/v1/measures/{measure['id']}/progress/"
    wrong = clerk.post(url, {"text": "制度已印发"}, format="json").json()
    correct = f"{url}{wrong['id']}/correct/"
    assert clerk.post(correct, {"text": "制度已起草，尚未印发", "reason": ""},
                      format="json").status_code == 400
    assert api_as("inspector").post(correct, {"text": "x", "reason": "y"},
                                    format="json").status_code == 403
    assert api_as("edu_clerk").post(correct, {"text": "x", "reason": "y"},
                                    format="json").status_code == 404
    made = clerk.post(correct, {"text": "制度已起草，尚未印发", "reason": "误报已印发"},
                      format="json")
    assert made.status_code == 201, made.content
    assert made.json()["corrects"] == wrong["id"] and made.json()["reason"] == "误报已印发"
    assert Progress.objects.get(pk=wrong["id"]).text == "制度已印发"  # kept as written
    assert clerk.post(correct, {"text": "再改", "reason": "再改"},
                      format="json").status_code == 400  # correct the latest entry instead
    [event] = events("measure.progress_correct", measure["id"])
    assert event.before == {"entry": wrong["id"], "text": "制度已印发"}
    assert event.after["reason"] == "误报已印发"
    [told] = Notification.objects.filter(recipient=user("inspector"),
                                         kind="measure.progress_corrected")
    assert "误报已印发" in told.body and told.link == f"/oversight/measures/{measure['id']}/"
