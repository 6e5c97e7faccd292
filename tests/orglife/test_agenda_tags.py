"""议题标签 kept by the 系统管理员: added with a fixed key, renamed, reordered, deactivated and
reactivated, never deleted; a deactivated tag stays on old agenda items and is no longer offered
when a 党组会议 is entered; the tags the duty proofs read stay active; others are refused."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orglife.models import AgendaItem, AgendaTag
from dangjian.orglife.selectors import members_of
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db


def _tag(key: str) -> AgendaTag:
    return AgendaTag.objects.get(key=key)


def _meeting_form(user: Callable[[str], User], group: Organization) -> str:
    client = Client()
    client.force_login(user("finance_clerk"))
    return client.get("/orglife/meetings/new/", {"organization": group.pk,
                                                 "kind": "党组会议"}).content.decode()


def test_the_system_administrator_adds_renames_and_reorders_a_tag(
        api_as: Callable[[str], APIClient]) -> None:
    admin = api_as("admin")
    added = admin.post("/api/v1/agenda-tags/", {"key": "rural_revival", "name": "乡村振兴"},
                       format="json")
    assert added.status_code == 201, added.content
    body = added.json()
    assert body["key"] == "rural_revival" and body["active"] is True
    renamed = admin.patch(f"/api/v1/agenda-tags/{body['id']}/",
                          {"name": "乡村振兴战略", "order": 0}, format="json")
    assert renamed.status_code == 200, renamed.content
    assert (renamed.json()["name"], renamed.json()["order"]) == ("乡村振兴战略", 0)
    keyed = admin.patch(f"/api/v1/agenda-tags/{body['id']}/", {"key": "other"}, format="json")
    assert _tag("rural_revival").name == "乡村振兴战略"  # the key is fixed; PATCH ignores it
    assert keyed.status_code == 400  # nothing else sent: nothing changes
    events = AuditEvent.objects.filter(object_id=str(body["id"]),
                                       action__startswith="agenda_tag.").order_by("pk")
    assert [e.action for e in events] == ["agenda_tag.create", "agenda_tag.update"]
    assert events[1].before["name"] == "乡村振兴"


def test_a_deactivated_tag_stays_on_old_items_and_is_no_longer_offered(
        api_as: Callable[[str], APIClient], org: Callable[[str], Organization], today: date,
        user: Callable[[str], User]) -> None:
    group = org("县财政局党组")
    body = {"organization": group.pk, "kind": "党组会议", "held_on": str(today),
            "topic": "党组会议", "attendees": [p.pk for p in members_of(group)],
            "agenda": [{"title": "研究年度预算安排", "tags": ["major_decision"]}]}
    clerk = api_as("finance_clerk")
    meeting = clerk.post("/api/v1/meetings/", body, format="json")
    assert meeting.status_code == 201, meeting.content
    assert 'value="major_decision"' in _meeting_form(user, group)
    tag = _tag("major_decision")
    assert api_as("admin").patch(f"/api/v1/agenda-tags/{tag.pk}/", {"active": False},
                                 format="json").status_code == 200
    item = AgendaItem.objects.get(meeting_id=meeting.json()["id"])
    assert list(item.tags.values_list("key", flat=True)) == ["major_decision"]
    assert 'value="major_decision"' not in _meeting_form(user, group)
    again = clerk.post("/api/v1/meetings/", {**body, "topic": "另一次党组会议"}, format="json")
    assert again.status_code == 400
    assert api_as("admin").patch(f"/api/v1/agenda-tags/{tag.pk}/", {"active": True},
                                 format="json").status_code == 200
    assert 'value="major_decision"' in _meeting_form(user, group)


@pytest.mark.parametrize("key", ["discipline", "party_report", "ideology"])
def test_the_tags_the_duty_proofs_read_stay_active(
        api_as: Callable[[str], APIClient], key: str) -> None:
    response = api_as("admin").patch(f"/api/v1/agenda-tags/{_tag(key).pk}/", {"active": False},
                                     format="json")
    assert response.status_code == 400 and "主体责任佐证" in str(response.json())
    assert _tag(key).active


@pytest.mark.parametrize("username", ["secadmin", "auditor", "finance_clerk", "county_head"])
def test_every_other_role_is_refused(api_as: Callable[[str], APIClient], username: str) -> None:
    client = api_as(username)
    added = client.post("/api/v1/agenda-tags/", {"key": "x_tag", "name": "越权"}, format="json")
    changed = client.patch(f"/api/v1/agenda-tags/{_tag('integrity').pk}/", {"name": "越权"},
                           format="json")
    assert (added.status_code, changed.status_code) == (403, 403)
    assert "系统管理员" in added.json()["detail"]
    assert not AgendaTag.objects.filter(name="越权").exists()


@pytest.mark.parametrize(("body", "field"), [
    ({"key": "new_tag", "name": " "}, "name"),
    ({"key": "new_tag", "name": "长" * 31}, "name"),
    ({"key": "new_tag", "name": "意识形态"}, "name"),  # taken
    ({"key": "ideology", "name": "新标签"}, "key"),  # taken
    ({"key": "新标签", "name": "新标签"}, "key"),
    ({"key": "k" * 31, "name": "新标签"}, "key"),
    ({"key": "new_tag", "name": "新标签", "order": -1}, "order"),
])
def test_bad_tags_are_refused_with_a_message(
        api_as: Callable[[str], APIClient], body: dict[str, Any], field: str) -> None:
    before = AgendaTag.objects.count()
    response = api_as("admin").post("/api/v1/agenda-tags/", body, format="json")
    assert response.status_code == 400, response.content
    assert field in str(response.json())
    assert AgendaTag.objects.count() == before


def test_a_tag_added_twice_is_refused_the_second_time(
        api_as: Callable[[str], APIClient]) -> None:
    admin = api_as("admin")
    body = {"key": "rural_revival", "name": "乡村振兴"}
    assert admin.post("/api/v1/agenda-tags/", body, format="json").status_code == 201
    assert admin.post("/api/v1/agenda-tags/", body, format="json").status_code == 400
    assert AgendaTag.objects.filter(key="rural_revival").count() == 1


def test_the_pages_list_add_edit_and_refuse(user: Callable[[str], User]) -> None:
    client = Client()
    client.force_login(user("admin"))
    listed = client.get("/orglife/agenda-tags/").content.decode()
    assert "全面从严治党" in listed and "/orglife/agenda-tags/new/" in listed
    added = client.post("/orglife/agenda-tags/new/", {"key": "rural_revival", "name": "乡村振兴"})
    assert added.status_code == 302 and added.url == "/orglife/agenda-tags/"
    tag = _tag("rural_revival")
    assert "rural_revival" in client.get(f"/orglife/agenda-tags/{tag.pk}/edit/").content.decode()
    client.post(f"/orglife/agenda-tags/{tag.pk}/edit/", {"name": "乡村振兴", "order": "2",
                                                        "active": "0"})
    tag.refresh_from_db()
    assert (tag.order, tag.active) == (2, False)
    other = Client()
    other.force_login(user("secadmin"))
    page = other.get("/orglife/agenda-tags/new/")
    assert page.status_code == 403 and "仅系统管理员" in page.content.decode()
    other.post("/orglife/agenda-tags/new/", {"key": "x_tag", "name": "越权"})
    assert not AgendaTag.objects.filter(key="x_tag").exists()
