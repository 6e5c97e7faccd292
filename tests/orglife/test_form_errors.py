"""The meeting pages' forms name every wrong field at once and keep what was typed."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from dangjian.orglife.models import Meeting
from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from tests.refused_forms import assert_every_field_named

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(user: Callable[[str], Any]) -> Client:
    client = Client()
    client.force_login(user("finance_clerk"))
    return client


def test_a_refused_meeting_names_the_date_and_the_topic(
    clerk: Client, branch: Organization, members: Callable[..., list[Person]],
) -> None:
    people = members(branch)
    before = Meeting.objects.count()
    response = clerk.post("/orglife/meetings/new/", {
        "organization": branch.pk, "kind": "主题党日", "held_on": "上周五", "topic": " ",
        "place": "这间会议室不能丢", "listed": [p.pk for p in people],
        "present": [people[0].pk], "chair": people[0].pk}, follow=True)
    html = assert_every_field_named(response, "meeting",
                                    {"held_on": "会议日期", "topic": "议题"})
    assert 'value="上周五"' in html and 'value="这间会议室不能丢"' in html
    assert f'<option value="{people[0].pk}" selected>' in html  # the chair kept
    assert Meeting.objects.count() == before


def test_a_services_refusal_lands_beside_the_attendance(
    clerk: Client, branch: Organization, members: Callable[..., list[Person]], today: date,
) -> None:
    people = members(branch)
    response = clerk.post("/orglife/meetings/new/", {
        "organization": branch.pk, "kind": "主题党日", "held_on": str(today),
        "topic": "重温入党誓词", "listed": [p.pk for p in people]}, follow=True)
    assert_every_field_named(response, "meeting", {"attendees": "参会情况"})


def test_a_refused_attachment_names_the_kind_and_the_file(
    clerk: Client, record: Callable[..., Meeting],
) -> None:
    meeting = record()
    response = clerk.post(f"/orglife/meetings/{meeting.pk}/attachments/new/",
                          {"kind": "录像"}, follow=True)
    assert_every_field_named(response, f"attach-{meeting.pk}", {"kind": "类别", "file": "文件"})
    assert not meeting.attachments.exists()


def test_a_refused_withdrawal_names_the_reason(
    clerk: Client, record: Callable[..., Meeting],
) -> None:
    meeting = record()
    response = clerk.post(f"/orglife/meetings/{meeting.pk}/withdraw/", {"reason": " "},
                          follow=True)
    assert_every_field_named(response, f"withdraw-{meeting.pk}", {"reason": "撤销理由"})
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_refused_import_names_the_file(clerk: Client) -> None:
    before = Meeting.objects.count()
    response = clerk.post("/orglife/import/", {}, follow=True)
    assert_every_field_named(response, "import", {"file": "会议台账文件"})
    assert Meeting.objects.count() == before
