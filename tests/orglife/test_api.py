"""The API contract of the issue: /api/v1/meetings/ and /api/v1/compliance/orglife/."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.orglife.models import Meeting
from dangjian.orglife.services.ledger_import import LEDGER_HEADERS
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .conftest import EDUCATION_BRANCH

pytestmark = pytest.mark.django_db


def _body(branch: Organization, people: list[Person], held_on: date, **extra: Any) -> dict:
    return {"organization": branch.pk, "kind": "主题党日", "held_on": str(held_on),
            "topic": "重温入党誓词", "attendees": [p.pk for p in people[:-1]],
            "absentees": [{"person": people[-1].pk, "reason": "公出"}], **extra}


def test_a_clerk_records_a_meeting_and_reads_it_back(
    api_as: Callable[[str], APIClient], branch: Organization,
    members: Callable[..., list[Person]], today: date,
) -> None:
    people = members(branch)
    client = api_as("finance_clerk")
    created = client.post("/api/v1/meetings/", _body(branch, people, today), format="json")
    assert created.status_code == 201, created.content
    meeting = created.json()
    assert meeting["organization"] == branch.pk and meeting["kind"] == "主题党日"
    assert meeting["attendees"] == [p.pk for p in people[:-1]]
    assert meeting["absentees"] == [{"person": people[-1].pk, "reason": "公出"}]
    assert (meeting["expected"], meeting["present"]) == (len(people), len(people) - 1)
    listed = client.get("/api/v1/meetings/", {"organization": branch.pk}).json()["results"]
    assert meeting["id"] in [row["id"] for row in listed]
    detail = client.get(f"/api/v1/meetings/{meeting['id']}/").json()
    assert detail["topic"] == "重温入党誓词"


def test_a_refused_meeting_answers_400_in_chinese(
    api_as: Callable[[str], APIClient], branch: Organization,
    members: Callable[..., list[Person]], today: date, org: Callable[[str], Organization],
) -> None:
    client = api_as("finance_clerk")
    people = members(branch)
    before = Meeting.objects.count()
    future = client.post("/api/v1/meetings/", _body(branch, people, today + timedelta(days=3)),
                         format="json")
    assert future.status_code == 400 and "不能晚于今天" in future.json()["detail"]
    stranger = members(org(EDUCATION_BRANCH))[0]  # outside the clerk's scope altogether
    body = _body(branch, people, today)
    body["attendees"].append(stranger.pk)
    outside = client.post("/api/v1/meetings/", body, format="json")
    assert outside.status_code == 400 and "不在您的范围内" in outside.json()["detail"]
    elsewhere = client.post("/api/v1/meetings/", _body(org(EDUCATION_BRANCH), people, today),
                            format="json")
    assert elsewhere.status_code == 400 and "organization" in elsewhere.json()["errors"]
    assert Meeting.objects.count() == before


def test_a_member_cannot_record_meetings(
    api_as: Callable[[str], APIClient], branch: Organization,
    members: Callable[..., list[Person]], today: date,
) -> None:
    # with ids the member sees (their branch, their own person): the role refuses
    body = {**_body(branch, members(branch), today), "absentees": [],
            "attendees": [User.objects.get(username="member").person_id]}
    response = api_as("member").post("/api/v1/meetings/", body, format="json")
    assert response.status_code == 403
    # colleagues the member does not see are refused as absent, the same way
    response = api_as("member").post("/api/v1/meetings/",
                                     _body(branch, members(branch), today), format="json")
    assert response.status_code == 400
    assert response.json()["detail"] == "所选对象不存在，或不在您的范围内"


def test_a_meeting_is_withdrawn_with_a_reason(
    api_as: Callable[[str], APIClient], record: Callable[..., Meeting],
) -> None:
    meeting = record()
    client = api_as("finance_clerk")
    refused = client.delete(f"/api/v1/meetings/{meeting.pk}/", {}, format="json")
    assert refused.status_code == 400
    done = client.delete(f"/api/v1/meetings/{meeting.pk}/", {"reason": "重复登记"}, format="json")
    assert done.status_code == 204 and not Meeting.objects.filter(pk=meeting.pk).exists()


def test_sign_in_sheets_are_checked_by_content(
    api_as: Callable[[str], APIClient], record: Callable[..., Meeting],
) -> None:
    meeting = record()
    client = api_as("finance_clerk")
    url = f"/api/v1/meetings/{meeting.pk}/attachments/"
    sheet = SimpleUploadedFile("签到表.pdf", b"%PDF-1.4\n%sign-in\n")
    added = client.post(url, {"kind": "签到表", "file": sheet}, format="multipart")
    assert added.status_code == 201 and added.json()["original_name"] == "签到表.pdf"
    fake = SimpleUploadedFile("照片.jpg", b"MZ\x90\x00this is a program")
    refused = client.post(url, {"kind": "照片", "file": fake}, format="multipart")
    assert refused.status_code == 400 and "文件内容与扩展名" in refused.json()["detail"]
    program = SimpleUploadedFile("run.exe", b"MZ\x90\x00")
    assert "不支持的文件类型" in client.post(url, {"kind": "其他", "file": program},
                                              format="multipart").json()["detail"]
    assert meeting.attachments.count() == 1


def test_a_ledger_is_imported_through_the_api(
    api_as: Callable[[str], APIClient], branch: Organization,
    members: Callable[..., list[Person]],
) -> None:
    people = members(branch)
    row = [branch.name, "党课", "2026-02-03", "", "专题党课", "", "", people[0].name, ""]
    bad = [branch.name, "党课", "2026-02-04", "", "专题党课", "", "", "查无此人", ""]
    client = api_as("finance_clerk")
    upload = SimpleUploadedFile("台账.xlsx", render_xlsx(title="台账", headers=LEDGER_HEADERS,
                                                       rows=[row, bad]))
    refused = client.post("/api/v1/meetings/import/", {"file": upload}, format="multipart")
    assert refused.status_code == 400
    expected = f"第2条记录：“{branch.name}”没有名为“查无此人”的人员"
    assert refused.json()["errors"]["rows"] == [expected]
    upload = SimpleUploadedFile("台账.xlsx", render_xlsx(title="台账", headers=LEDGER_HEADERS,
                                                       rows=[row]))
    done = client.post("/api/v1/meetings/import/", {"file": upload}, format="multipart")
    assert done.status_code == 201 and done.json()[0]["attendees"] == [people[0].pk]


def test_the_compliance_endpoint_answers_per_branch_and_rule(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
    record: Callable[..., Meeting],
) -> None:
    record(held_on=date(2025, 5, 6))
    unit = org("县财政局")
    response = api_as("finance_secretary").get("/api/v1/compliance/orglife/",
                                               {"organization": unit.pk, "year": 2025})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["organization"] == unit.pk and body["year"] == 2025
    row = next(r for r in body["results"]
               if r["organization_name"] == "县财政局机关第一党支部" and r["kind"] == "主题党日")
    assert {"rule", "required", "held", "gap", "citation"} <= set(row)
    assert (row["required"], row["held"], row["gap"]) == (12, 1, 11)
    assert "支部工作条例" in row["citation"]
    assert isinstance(body["structure"], list)


def test_the_compliance_of_an_organisation_outside_the_scope_is_404(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
) -> None:
    education = org("县教育局")
    for username in ["finance_clerk", "vice_head", "member", "admin"]:
        response = api_as(username).get("/api/v1/compliance/orglife/",
                                        {"organization": education.pk, "year": 2025})
        assert response.status_code == 404, username
    assert api_as("edu_clerk").get("/api/v1/compliance/orglife/", {
        "organization": education.pk, "year": 2025}).status_code == 200


def test_the_compliance_endpoint_checks_its_parameters(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization], today: date,
) -> None:
    client = api_as("county_head")
    unit = org("县财政局").pk
    assert client.get("/api/v1/compliance/orglife/", {"year": 2025}).status_code == 400
    later = client.get("/api/v1/compliance/orglife/", {"organization": unit,
                                                       "year": today.year + 1})
    assert later.status_code == 400 and "年度" in later.json()["detail"]
