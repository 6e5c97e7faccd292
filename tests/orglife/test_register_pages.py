"""The meetings register on the page kernel: list filters, export, detail with attendance,
attachments and 办理记录, the action pages, the to-dos."""

import io
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook

from dangjian.access.models import User
from dangjian.orglife.models import Meeting
from dangjian.orglife.todos import todos
from tests.security_data.downloads import NAME, PDF
from tests.web.walk import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(user: Callable[[str], User]) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client
    return client_for


def test_the_meeting_list_answers_for_every_role(
    as_user: Callable[[str], Client], record: Callable[..., Meeting],
) -> None:
    record()
    for username in ROLES:
        response = as_user(username).get("/orglife/meetings/", {"sort": "-held_on"})
        assert response.status_code == 200, username
        assert 'data-testid="register"' in response.content.decode()
    assert Client().get("/orglife/meetings/").status_code == 302


def test_the_list_filters_by_kind_and_dates_and_pages_beyond_the_end(
    as_user: Callable[[str], Client], record: Callable[..., Meeting], today: date,
) -> None:
    meeting = record(topic="筛选用的党日")
    clerk = as_user("finance_clerk")
    html = clerk.get("/orglife/meetings/", {
        "kind": meeting.kind, "held_from": str(meeting.held_on),
        "held_to": str(meeting.held_on)}).content.decode()
    assert f'data-testid="meeting-{meeting.pk}"' in html
    html = clerk.get("/orglife/meetings/", {
        "held_from": str(meeting.held_on + timedelta(days=1))}).content.decode()
    assert f'data-testid="meeting-{meeting.pk}"' not in html
    html = clerk.get("/orglife/meetings/", {"page": 999}).content.decode()
    assert "第 " in html and 'data-testid="register"' in html


def test_the_export_holds_exactly_the_filtered_rows(
    as_user: Callable[[str], Client], record: Callable[..., Meeting],
) -> None:
    meeting = record(topic="导出用的党日")
    response = as_user("finance_clerk").get("/orglife/meetings/", {
        "kind": meeting.kind, "held_from": str(meeting.held_on),
        "held_to": str(meeting.held_on), "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    header = list(values[1])
    topics = [row[header.index("议题")] for row in values[2:]]
    shown = as_user("finance_clerk").get("/orglife/meetings/", {
        "kind": meeting.kind, "held_from": str(meeting.held_on),
        "held_to": str(meeting.held_on)}).content.decode()
    assert "导出用的党日" in topics
    assert shown.count('data-testid="meeting-') == len(topics)


def test_a_meeting_of_another_unit_is_404(
    as_user: Callable[[str], Client], record: Callable[..., Meeting],
) -> None:
    meeting = record()
    assert as_user("edu_clerk").get(f"/orglife/meetings/{meeting.pk}/").status_code == 404
    assert as_user("edu_clerk").get(
        f"/orglife/meetings/{meeting.pk}/withdraw/").status_code == 404


def test_the_detail_offers_actions_only_to_who_may_enter(
    as_user: Callable[[str], Client], record: Callable[..., Meeting],
) -> None:
    meeting = record()
    html = as_user("finance_clerk").get(f"/orglife/meetings/{meeting.pk}/").content.decode()
    assert "上传附件" in html and "撤销" in html and "参会情况" in html
    assert "登记会议" in html  # 办理记录 in words
    html = as_user("county_head").get(f"/orglife/meetings/{meeting.pk}/").content.decode()
    assert f'/orglife/meetings/{meeting.pk}/withdraw/' not in html
    assert as_user("county_head").get(
        f"/orglife/meetings/{meeting.pk}/withdraw/").status_code in (403, 404)


def test_attach_then_withdraw_through_their_pages(
    as_user: Callable[[str], Client], record: Callable[..., Meeting],
) -> None:
    meeting = record()
    clerk = as_user("finance_clerk")
    assert clerk.get(f"/orglife/meetings/{meeting.pk}/attachments/new/").status_code == 200
    response = clerk.post(f"/orglife/meetings/{meeting.pk}/attachments/new/", {
        "kind": "签到表", "file": SimpleUploadedFile(NAME, PDF)}, follow=True)
    html = response.content.decode()
    assert "已上传签到表" in html and NAME in html and "上传会议附件" in html
    refused = clerk.post(f"/orglife/meetings/{meeting.pk}/withdraw/", {"reason": "  "},
                         follow=True)
    assert "撤销会议记录必须说明理由" in refused.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    done = clerk.post(f"/orglife/meetings/{meeting.pk}/withdraw/", {"reason": "重复登记"},
                      follow=True)
    assert "已撤销会议记录" in done.content.decode()
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_refused_attachment_keeps_the_kind_chosen(
    as_user: Callable[[str], Client], record: Callable[..., Meeting],
) -> None:
    meeting = record()
    response = as_user("finance_clerk").post(
        f"/orglife/meetings/{meeting.pk}/attachments/new/", {"kind": "照片"}, follow=True)
    html = response.content.decode()
    assert 'role="alert"' in html or "alert" in html
    assert '<option value="照片" selected>' in html


def test_the_todo_counts_the_gaps_the_compliance_page_lists(
    as_user: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    [todo] = todos(user("finance_clerk"))
    html = as_user("finance_clerk").get(todo.url).content.decode()
    assert html.count('class="gap" data-testid="row-') == todo.count
    assert todos(user("county_head")) == []


