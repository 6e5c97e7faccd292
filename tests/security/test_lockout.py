"""等保 身份鉴别 b: 5 failures in 15 minutes lock for 30, on the login page and the API alike."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from dangjian.access.models import LoginFailure
from dangjian.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOCKED = "登录失败次数过多，账号已锁定至"


def _page_login(username: str, password: str) -> Any:
    return Client().post("/login/", {"username": username, "password": password})


def _fail(times: int, ask_token: Callable[..., Any], username: str = "member") -> None:
    for _ in range(times):
        assert ask_token(username, "wrong").status_code == 401


def _lock(ask_token: Callable[..., Any]) -> None:
    _fail(4, ask_token)
    assert ask_token("member", "wrong").status_code == 403


def _age_failures(minutes: int) -> None:
    for failure in LoginFailure.objects.all():
        failure.failed_at -= timedelta(minutes=minutes)
        failure.save()


def test_the_fifth_failure_locks_and_even_the_right_password_is_then_refused(
    ask_token: Callable[..., Any], demo_password: str,
) -> None:
    _fail(4, ask_token)
    fifth = ask_token("member", "wrong")
    assert fifth.status_code == 403 and fifth.json()["code"] == "locked"
    assert LOCKED in fifth.json()["detail"]
    refused = ask_token("member", demo_password)
    assert refused.status_code == 403 and LOCKED in refused.json()["detail"]
    page = _page_login("member", demo_password)
    assert page.status_code == 200 and LOCKED in page.content.decode()
    assert "_auth_user_id" not in page.wsgi_request.session
    assert AuditEvent.objects.filter(action="login.lockout", username="member").count() == 1
    reasons = AuditEvent.objects.filter(action="login.refused", username="member")
    assert [e.after["reason"] for e in reasons] == ["locked", "locked"]


def test_the_page_and_the_api_share_one_count(ask_token: Callable[..., Any]) -> None:
    _fail(2, ask_token)
    for _ in range(2):
        assert "用户名或密码不正确" in _page_login("member", "wrong").content.decode()
    assert ask_token("member", "wrong").status_code == 403
    assert LOCKED in _page_login("MEMBER", "wrong").content.decode()  # names ignore case


def test_the_lock_ends_after_thirty_minutes(
    ask_token: Callable[..., Any], demo_password: str,
) -> None:
    _lock(ask_token)
    _age_failures(29)
    assert ask_token("member", demo_password).status_code == 403
    _age_failures(2)
    assert ask_token("member", demo_password).status_code == 201
    assert not LoginFailure.objects.filter(username="member").exists()  # a success forgets


def test_failures_spread_over_more_than_the_window_do_not_lock(
    ask_token: Callable[..., Any], demo_password: str,
) -> None:
    _fail(4, ask_token)
    _age_failures(16)
    assert ask_token("member", "wrong").status_code == 401  # 5 failures, but not in 15 minutes
    assert ask_token("member", demo_password).status_code == 201


def test_the_numbers_are_settings(
    ask_token: Callable[..., Any], settings: Any,
) -> None:
    settings.DANGJIAN_LOGIN_FAILURE_LIMIT = 2
    _fail(1, ask_token)
    assert ask_token("member", "wrong").status_code == 403


def test_unknown_names_lock_alike_so_the_answer_reveals_nothing(
    ask_token: Callable[..., Any],
) -> None:
    _fail(4, ask_token, "no_such_user")
    assert ask_token("no_such_user", "wrong").json()["code"] == "locked"


def test_an_operator_unlocks_with_a_command_and_it_is_audited(
    ask_token: Callable[..., Any], demo_password: str, capsys: Any,
) -> None:
    _lock(ask_token)
    call_command("accounts", "unlock", "member")
    assert "已解除“member”的登录锁定（清除 5 次失败记录）" in capsys.readouterr().out
    assert ask_token("member", demo_password).status_code == 201
    assert AuditEvent.objects.filter(action="login.unlock",
                                     after__username="member").exists()


def test_the_login_page_states_the_policy_from_the_settings(settings: Any) -> None:
    settings.DANGJIAN_LOGIN_FAILURE_LIMIT = 3
    page = Client().get("/login/").content.decode()
    assert "15 分钟内输错密码或动态口令 3 次，账号锁定 30 分钟；30 分钟无操作自动退出。" in page
