"""The whole loop through the API, as the issue's "done when" describes it."""

import io
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import management
from docx import Document
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.documents.gbt9704 import docx_page_setup
from dangjian.notifications.models import Notification
from dangjian.oversight.models import Accountability, Escalation, Finding, Measure

pytestmark = pytest.mark.django_db


def test_a_finding_travels_the_whole_loop(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict], add_measure: Callable[..., dict], pdf: Any,
) -> None:
    inspector, vice, clerk = api_as("inspector"), api_as("vice_head"), api_as("finance_clerk")
    finding = raise_finding()
    assert finding["source"] == "巡察反馈" and finding["status"] == "待整改"
    assert finding["responsible_leader"] == user("vice_head").person_id

    notice = inspector.post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [finding["id"]],
        "reply_due": str(today + timedelta(days=10))}, format="json").json()
    issued = inspector.post(f"/api/v1/notices/{notice['id']}/issue/").json()
    assert issued["status"] == "已签发"
    assert issued["number"].startswith("示纪提〔") and issued["number"].endswith("号")
    assert vice.get(f"/api/v1/notices/{notice['id']}/").status_code == 200
    assert Notification.objects.filter(recipient=user("vice_head"), kind="notice.issued").exists()
    assert vice.post(f"/api/v1/notices/{notice['id']}/acknowledge/").json()["status"] == "已签收"
    replied = vice.post(f"/api/v1/notices/{notice['id']}/reply/",
                        {"text": "已约谈县财政局主要负责人，责令整改"}, format="json").json()
    assert replied["status"] == "已回复"

    measure = add_measure(finding)
    url = f"/api/v1/measures/{measure['id']}/"
    assert clerk.post(f"{url}progress/", {"text": "已起草制度"}, format="json").status_code == 201
    upload = clerk.post(f"{url}evidence/", {"file": pdf(), "proves_date": str(today)},
                        format="multipart")
    assert upload.status_code == 201, upload.content
    assert len(upload.json()["sha256"]) == 64
    assert clerk.post(f"{url}submit/").json()["status"] == "待核查"

    returned = inspector.post(f"{url}verify/", {"decision": "return", "comment": "制度未印发"},
                              format="json").json()
    assert returned["status"] == "整改中"
    clerk.post(f"{url}progress/", {"text": "制度已印发"}, format="json")
    clerk.post(f"{url}submit/")
    accepted = inspector.post(f"{url}verify/", {"decision": "accept"}, format="json").json()
    assert accepted["status"] == "已销号"

    closed = Finding.objects.get(pk=finding["id"])
    assert closed.status == "已销号" and closed.closed_on == today
    assert closed.recheck_on is not None and closed.recheck_on > today  # 回头看
    assert inspector.post(f"/api/v1/notices/{notice['id']}/close/").json()["status"] == "已办结"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"finding.create", "notice.issue", "measure.verify", "notice.close"} <= actions


def test_the_notice_renders_as_a_gbt9704_word_file(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict],
) -> None:
    inspector = api_as("inspector")
    finding = raise_finding()
    notice = inspector.post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [finding["id"]],
        "reply_due": str(today + timedelta(days=10))}, format="json").json()
    draft = inspector.get(f"/api/v1/notices/{notice['id']}/document.docx")
    assert draft.status_code == 400 and "签发" in draft.json()["detail"]
    number = inspector.post(f"/api/v1/notices/{notice['id']}/issue/").json()["number"]
    response = api_as("vice_head").get(f"/api/v1/notices/{notice['id']}/document.docx")
    assert response.status_code == 200
    setup = docx_page_setup(response.content)
    assert (round(setup["page_width_mm"]), round(setup["page_height_mm"])) == (210, 297)
    margins = [setup[f"{side}_margin_mm"] for side in ("top", "left", "right", "bottom")]
    assert [round(m) for m in margins] == [37, 28, 26, 35]
    assert "仿宋_GB2312" in setup["east_asian_fonts"] and setup["even_and_odd_headers"]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert number in text and "专项资金拨付审批不规范" in text


def test_a_peer_self_check_answered_exists_becomes_a_finding(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict],
) -> None:
    finding = raise_finding()
    sent = api_as("inspector").post("/api/v1/self-checks/", {
        "origin": finding["id"], "due_on": str(today + timedelta(days=7))}, format="json")
    assert sent.status_code == 201, sent.content
    units = {c["organization"] for c in sent.json()}
    hrss = org("县人力资源和社会保障局")  # same 分管 area as 县财政局 in the demo
    assert hrss.pk in units and org("县财政局").pk not in units
    assert org("县教育局").pk not in units
    check = next(c for c in sent.json() if c["organization"] == hrss.pk)
    from dangjian.access.models import User
    from dangjian.access.services import grant_role

    clerk = User.objects.create(username="hrss_clerk")
    grant_role(actor=None, user=clerk, role="党务干事", organization=hrss)
    client = APIClient()
    client.force_authenticate(clerk)
    answered = client.post(f"/api/v1/self-checks/{check['id']}/answer/",
                           {"answer": "存在", "text": "社保基金拨付同样未经集体研究"},
                           format="json")
    assert answered.status_code == 200, answered.content
    new = Finding.objects.get(pk=answered.json()["finding"])
    assert new.organization == hrss and new.source.name == "自查"
    again = client.post(f"/api/v1/self-checks/{check['id']}/answer/", {"answer": "不存在"},
                        format="json")
    assert again.status_code == 400 and "重复" in again.json()["detail"]


def test_an_overdue_measure_turns_red_and_escalates_exactly_once(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict], add_measure: Callable[..., dict],
) -> None:
    finding = raise_finding(discovered_on=str(today - timedelta(days=60)))
    measure = add_measure(finding, due_in_days=-30)
    assert measure["light"] == "red"
    seen = api_as("finance_clerk").get(f"/api/v1/findings/{finding['id']}/").json()
    assert seen["light"] == "red"
    management.call_command("escalate")
    management.call_command("escalate")
    taken = Escalation.objects.filter(measure_id=measure["id"])
    steps = sorted(taken.values_list("step", flat=True))
    assert steps == ["accountability", "overdue"]
    vice_notes = Notification.objects.filter(recipient=user("vice_head"), kind="measure.overdue")
    assert vice_notes.count() == 1
    proposals = Accountability.objects.filter(findings__id=finding["id"])
    assert proposals.count() == 1 and proposals.get().status == "建议"
    events = AuditEvent.objects.filter(action__startswith="escalation.",
                                       object_id=str(measure["id"]))
    assert events.count() == 2


def test_a_measure_near_its_deadline_is_yellow_and_reminds_the_unit_once(
    user: Callable[[str], Any], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict],
) -> None:
    measure = add_measure(raise_finding(), due_in_days=1)
    assert measure["light"] == "yellow"
    management.call_command("escalate")
    management.call_command("escalate")
    reminded = Notification.objects.filter(kind="measure.due_soon",
                                           dedupe_key=f"measure:{measure['id']}:due_soon")
    assert set(reminded.values_list("recipient__username", flat=True)) == {
        "finance_clerk", "finance_secretary"}
    assert Measure.objects.get(pk=measure["id"]).escalations.count() == 1


def test_the_same_problem_again_in_the_same_unit_is_flagged_as_repeated(
    raise_finding: Callable[..., dict],
) -> None:
    first = raise_finding()
    other_kind = raise_finding(category="作风建设")
    again = raise_finding()
    assert first["repeat_of"] is None and other_kind["repeat_of"] is None
    assert again["repeat_of"] == first["id"]


def test_notices_are_seen_by_their_recipient_and_the_inspectors_not_by_units(
    api_as: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict],
) -> None:
    notice = api_as("inspector").post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [raise_finding()["id"]],
        "reply_due": str(today + timedelta(days=5))}, format="json").json()
    for username, expected in [("vice_head", 200), ("county_head", 200), ("inspector", 200),
                               ("finance_clerk", 404), ("edu_clerk", 404), ("member", 404)]:
        status = api_as(username).get(f"/api/v1/notices/{notice['id']}/").status_code
        assert status == expected, username
