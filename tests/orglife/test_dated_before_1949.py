"""A meeting dated where it cannot be true is refused naming the rule (issue 10): before 1949
(no founding date known) and, through the page and the API, outside the accepted date range."""

from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.orglife.models import Meeting
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("held_on", [date(1900, 1, 1), date(1948, 12, 31)])
def test_a_meeting_before_1949_is_refused_naming_the_rule(
    record: Callable[..., Meeting], branch: Organization, held_on: date,
) -> None:
    assert branch.founded_on is None  # only the 1949 floor applies
    before = (Meeting.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as refused:
        record(held_on=held_on)
    message = refused.value.message_dict["held_on"][0]
    assert message.startswith(f"会议日期（{held_on:%Y年%m月%d日}）早于1949年，不可能属实：")
    assert "本县现有党组织均建立于1949年及以后" in message and "依据：本地约定" in message
    assert (Meeting.objects.count(), AuditEvent.objects.count()) == before


def test_a_meeting_on_the_first_day_of_1949_is_recorded(record: Callable[..., Meeting]) -> None:
    assert record(held_on=date(1949, 1, 1)).held_on == date(1949, 1, 1)


@pytest.mark.parametrize("held_on", ["0001-01-01", "9999-12-31"])
def test_a_meeting_dated_out_of_range_is_refused_by_the_api(
    api_as: Callable[[str], APIClient], branch: Organization,
    members: Callable[[Organization], list], held_on: str,
) -> None:
    before = Meeting.objects.count()
    response = api_as("finance_clerk").post("/api/v1/meetings/", {
        "organization": branch.pk, "kind": "主题党日", "held_on": held_on, "topic": "重温入党誓词",
        "attendees": [p.pk for p in members(branch)]}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["held_on"] == [
        "会议日期超出允许的范围：须在 1900年01月01日 至 2100年12月31日 之间"]
    assert Meeting.objects.count() == before


def test_a_meeting_dated_0001_is_refused_by_the_page(
    client: Client, demo_password: str, branch: Organization,
    members: Callable[[Organization], list],
) -> None:
    client.login(username="finance_clerk", password=demo_password)
    before = Meeting.objects.count()
    response = client.post("/orglife/meetings/new/", {
        "organization": branch.pk, "kind": "主题党日", "held_on": "0001-01-01",
        "topic": "重温入党誓词", "attendees": [p.pk for p in members(branch)]}, follow=True)
    # The refusal shows inside the form, beside the date (issue 11 item 8), not as a banner.
    assert [str(m) for m in response.context["messages"]] == []
    assert ('<a href="#meeting-held_on">会议日期</a>：'
            "会议日期超出允许的范围：须在 1900年01月01日 至 2100年12月31日 之间"
            ) in response.content.decode()
    assert Meeting.objects.count() == before
