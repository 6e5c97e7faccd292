"""等保 访问控制 c: accounts idle for 90 days are disabled by the daily job, each audited."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.access.services import disable_idle_accounts
from dangjian.access.tasks import daily
from dangjian.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _account(username: str, *, last_login_days: int | None, joined_days: int = 365) -> User:
    now = timezone.now()
    return User.objects.create(
        username=username, date_joined=now - timedelta(days=joined_days),
        last_login=None if last_login_days is None else now - timedelta(days=last_login_days))


def test_idle_and_never_used_accounts_are_disabled_recent_and_demo_ones_kept() -> None:
    idle = _account("idle", last_login_days=91)
    never = _account("never", last_login_days=None)
    recent = _account("recent", last_login_days=89)
    fresh = _account("fresh", last_login_days=None, joined_days=10)
    User.objects.filter(username="member").update(last_login=timezone.now() - timedelta(days=400))
    disabled = disable_idle_accounts()
    assert sorted(u.username for u in disabled) == ["idle", "never"]
    states = dict(User.objects.filter(
        pk__in=[idle.pk, never.pk, recent.pk, fresh.pk]).values_list("username", "is_active"))
    assert states == {"idle": False, "never": False, "recent": True, "fresh": True}
    assert User.objects.get(username="member").is_active  # demo accounts never reach production
    events = AuditEvent.objects.filter(action="user.disable_idle")
    assert sorted(e.object_repr for e in events) == ["idle", "never"]
    assert all(e.after == {"is_active": False, "idle_days": 90} for e in events)


def test_the_period_is_a_setting_and_the_command_reports(settings: Any, capsys: Any) -> None:
    _account("sixty", last_login_days=61)
    settings.DANGJIAN_ACCOUNT_IDLE_DAYS = 60
    call_command("accounts", "disable-idle", "--dry-run")
    assert "将停用 1 个超过 60 天未登录的账号" in capsys.readouterr().out
    assert User.objects.get(username="sixty").is_active
    call_command("accounts", "disable-idle")
    assert "已停用 1 个" in capsys.readouterr().out
    assert not User.objects.get(username="sixty").is_active


def test_a_disabled_account_can_neither_sign_in_nor_use_its_token(
    demo_password: str, user: Callable[[str], User],
) -> None:
    issued = APIClient().post("/api/v1/auth/token/",
                              {"username": "finance_clerk", "password": demo_password})
    assert issued.status_code == 201
    assert user("finance_clerk").last_login is not None  # token users count as active
    User.objects.filter(username="finance_clerk").update(is_active=False)
    again = APIClient().post("/api/v1/auth/token/",
                             {"username": "finance_clerk", "password": demo_password})
    assert again.status_code == 401
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.json()['token']}")
    assert client.get("/api/v1/me/").json()["detail"] == "该账号已停用"


def test_the_daily_job_disables_and_purges_expired_sessions() -> None:
    _account("idle", last_login_days=100)
    expired = SessionStore()
    expired.set_expiry(-1)
    expired.save()
    assert daily() == {"disabled": 1}  # the Celery task, run in-process
    assert not Session.objects.filter(session_key=expired.session_key).exists()
