"""等保 身份鉴别 b: a session ends after 30 minutes without a request; tokens expire."""

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from dangjian.access.models import User

pytestmark = pytest.mark.django_db


def test_sessions_are_idle_timed_at_thirty_minutes_by_default() -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True  # each request restarts the clock
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True


def _session(client: Client) -> Session:
    return Session.objects.get(session_key=client.session.session_key)


def test_each_request_pushes_the_end_back_and_an_idle_session_logs_out(
    user: Callable[[str], User], demo_password: str,
) -> None:
    client = Client()
    assert client.post("/login/", {"username": "member", "password": demo_password}).status_code \
        == 302
    Session.objects.filter(pk=_session(client).pk).update(
        expire_date=timezone.now() + timedelta(minutes=5))
    assert client.get("/").status_code == 200
    remaining = _session(client).expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)
    Session.objects.filter(pk=_session(client).pk).update(
        expire_date=timezone.now() - timedelta(seconds=1))  # 30 minutes without a request
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_logout_deletes_the_session_on_the_server(demo_password: str) -> None:
    client = Client()
    client.post("/login/", {"username": "member", "password": demo_password})
    key = client.session.session_key
    assert Session.objects.filter(session_key=key).exists()
    client.post("/logout/")
    assert not Session.objects.filter(session_key=key).exists()
