"""Issue 10 (等保 安全审计): refused requests are audited, one chained event per user, route
pattern and minute, with a count the auditor sees; a scan cannot flood the chain."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent, RefusalWindow
from dangjian.audit.verify import verify_chain
from dangjian.duties.services.lists import responsibility_list_create
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db

REFUSED = "access.refused"


class Clock:
    """A fixed now, moved by hand, so that a minute boundary never splits a test's requests."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = timezone.now().replace(second=20, microsecond=0)
        monkeypatch.setattr("django.utils.timezone.now", lambda: self.now)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


def _outsider_person_url(user: Callable[[str], User]) -> str:
    return f"/api/v1/persons/{user('member').person_id}/"


def _events() -> Any:
    return AuditEvent.objects.filter(action=REFUSED).order_by("id")


def test_an_out_of_scope_404_is_audited_once_a_minute_with_a_count(
    api_as: Callable[[str], APIClient], user: Callable[[str], User], clock: Clock,
) -> None:
    client = api_as("edu_clerk")
    url = _outsider_person_url(user)
    for _ in range(25):
        assert client.get(url).status_code == 404
        clock.advance(seconds=1)  # 20 s … 44 s: one minute
    [event] = _events()
    assert (event.username, event.success, event.after["status"], event.after["path"]) == (
        "edu_clerk", False, 404, url)
    assert "persons" in event.after["route"]
    listed = api_as("auditor").get("/api/v1/audit-events/", {"action": REFUSED}).json()
    assert [row["refusal_count"] for row in listed["results"]] == [25]
    assert verify_chain().ok


def test_a_new_minute_another_user_or_another_route_opens_a_new_event(
    api_as: Callable[[str], APIClient], user: Callable[[str], User], clock: Clock,
) -> None:
    url = _outsider_person_url(user)
    api_as("edu_clerk").get(url)
    api_as("edu_clerk").post(f"{url}unmask/")  # another route
    api_as("admin").get(url)  # another user (三员: no business data)
    clock.advance(minutes=1)
    api_as("edu_clerk").get(url)
    assert [(e.username, e.after["status"]) for e in _events()] == [
        ("edu_clerk", 404), ("edu_clerk", 404), ("admin", 404), ("edu_clerk", 404)]
    assert RefusalWindow.objects.count() == 4


def test_a_forbidden_api_write_is_audited(
    api_as: Callable[[str], APIClient], user: Callable[[str], User], clock: Clock,
) -> None:
    target = user("member")
    for _ in range(2):
        response = api_as("finance_secretary").post(
            "/api/v1/grants/", {"user": target.pk, "role": "党务干事"})
        assert response.status_code == 403
    [event] = _events()
    assert (event.username, event.after["status"], event.after["method"]) == (
        "finance_secretary", 403, "POST")
    assert event.refusal_window.count == 2


def test_pages_refusals_are_audited_and_the_auditor_sees_the_count(
    user: Callable[[str], User], clock: Clock,
) -> None:
    member = Client()
    member.force_login(user("member"))
    for _ in range(3):
        assert member.get("/audit/").status_code == 403
    edu_list = responsibility_list_create(
        actor=user("edu_clerk"), organization=Organization.objects.get(name="县教育局党组"),
        year=timezone.localdate().year)
    clerk = Client()
    clerk.force_login(user("finance_clerk"))
    assert clerk.get(f"/duties/lists/{edu_list.pk}/").status_code == 404
    assert [(e.username, e.after["status"]) for e in _events()] == [
        ("member", 403), ("finance_clerk", 404)]
    auditor = Client()
    auditor.force_login(user("auditor"))
    html = auditor.get("/audit/", {"action": REFUSED}).content.decode()
    assert "（该分钟内共 3 次）" in html and "（该分钟内共 1 次）" in html


def test_what_is_not_a_refusal_of_an_object_is_not_audited(
    api_as: Callable[[str], APIClient], clock: Clock,
) -> None:
    client = api_as("finance_clerk")
    assert client.get("/api/v1/persons/", {"page": 999}).status_code == 404  # no object named
    assert client.get("/api/v1/no-such-endpoint/1/").status_code == 404  # no route
    assert APIClient().post("/api/v1/auth/token/",  # audited as login.refused already
                            {"username": "x", "password": "y"}).status_code == 401
    assert not _events().exists()


def test_an_anonymous_refusal_is_counted_by_address(clock: Clock) -> None:
    forbidden = Client(enforce_csrf_checks=True, REMOTE_ADDR="192.0.2.44")
    for _ in range(3):
        # no CSRF token: refused before any login is attempted
        assert forbidden.post("/login/", {"username": "a", "password": "b"}).status_code == 403
    [event] = _events()
    assert event.user is None and event.ip == "192.0.2.44"
    assert RefusalWindow.objects.get().subject == "ip:192.0.2.44"
    assert RefusalWindow.objects.get().count == 3


