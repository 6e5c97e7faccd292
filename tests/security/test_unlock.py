"""Issue 10: the 安全管理员 sees the login locks in force and lifts one, page and API alike."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import LoginFailure, User
from dangjian.audit.models import AuditEvent

from .conftest import TOKEN_URL

pytestmark = pytest.mark.django_db

ELSEWHERE = "203.0.113.5"
LIST, UNLOCK = "/api/v1/lockouts/", "/api/v1/lockouts/unlock/"


def _attempt(username: str, password: str, address: str = ELSEWHERE) -> Any:
    return APIClient(REMOTE_ADDR=address).post(TOKEN_URL,
                                               {"username": username, "password": password})


def _lock_member() -> None:
    for _ in range(5):
        _attempt("member", "wrong")
    assert _attempt("member", "wrong").json()["code"] == "locked"


def test_the_security_administrator_lists_and_lifts_a_lock_once(
    api_as: Callable[[str], APIClient], demo_password: str,
) -> None:
    _lock_member()
    client = api_as("secadmin")
    [lock] = client.get(LIST).json()
    assert (lock["username"], lock["ip"], lock["failures"]) == ("member", ELSEWHERE, 5)
    done = client.post(UNLOCK, {"username": "member", "ip": ELSEWHERE}, format="json")
    assert done.status_code == 200
    assert done.json() == {"detail": "已解除登录锁定（清除 5 次失败记录）", "failures_cleared": 5}
    assert client.get(LIST).json() == []
    assert _attempt("member", demo_password).status_code == 201
    again = client.post(UNLOCK, {"username": "member", "ip": ELSEWHERE}, format="json")
    assert again.status_code == 200 and again.json()["failures_cleared"] == 0
    events = AuditEvent.objects.filter(action="login.unlock", username="secadmin")
    assert [e.after["failures_cleared"] for e in events.order_by("id")] == [5, 0]
    assert {e.after["ip"] for e in events} == {ELSEWHERE}


def test_an_address_lock_is_listed_without_a_name_and_lifted_by_address(
    api_as: Callable[[str], APIClient], settings: Any,
) -> None:
    settings.DANGJIAN_LOGIN_ADDRESS_FAILURE_LIMIT = 6
    for name in ["b1", "b2", "b3"]:
        for _ in range(2):
            _attempt(name, "wrong")
    client = api_as("secadmin")
    assert {(lock["username"], lock["ip"]) for lock in client.get(LIST).json()} == {
        ("", ELSEWHERE)}
    done = client.post(UNLOCK, {"ip": ELSEWHERE}, format="json")
    assert done.json()["failures_cleared"] == 6
    assert not LoginFailure.objects.filter(ip=ELSEWHERE).exists()


@pytest.mark.parametrize("username", ["admin", "auditor", "finance_secretary", "member"])
def test_nobody_else_lists_or_lifts_locks(
    api_as: Callable[[str], APIClient], user: Callable[[str], User], username: str,
) -> None:
    _lock_member()
    client = api_as(username)
    assert client.get(LIST).status_code == 403
    assert client.post(UNLOCK, {"username": "member"}, format="json").status_code == 403
    page = Client()
    page.force_login(user(username))
    assert page.get("/security/lockouts/").status_code == 403
    assert page.post("/security/lockouts/", {"username": "member"}).status_code == 403
    assert LoginFailure.objects.filter(username="member").count() == 5
    assert not AuditEvent.objects.filter(action="login.unlock").exists()


@pytest.mark.parametrize(("body", "message"), [
    ({}, "请指定要解锁的用户名或来源地址"),
    ({"username": "member", "ip": "not-an-ip"}, "不是有效的IP地址"),
])
def test_bad_unlock_requests_are_refused_in_chinese_and_change_nothing(
    api_as: Callable[[str], APIClient], body: dict[str, str], message: str,
) -> None:
    _lock_member()
    response = api_as("secadmin").post(UNLOCK, body, format="json")
    assert response.status_code == 400 and message in response.json()["detail"]
    assert LoginFailure.objects.filter(username="member").count() == 5


def test_the_page_lists_the_locks_and_lifts_one(user: Callable[[str], User]) -> None:
    _lock_member()
    page = Client()
    page.force_login(user("secadmin"))
    html = page.get("/security/lockouts/").content.decode()
    assert "<td>member</td>" in html and f"<td>{ELSEWHERE}</td>" in html and "解除锁定" in html
    assert "登录锁定" in page.get("/").content.decode()  # in the menu
    done = page.post("/security/lockouts/", {"username": "member", "ip": ELSEWHERE},
                     follow=True)
    body = done.content.decode()
    assert "已解除登录锁定（清除 5 次失败记录）" in body and "当前没有被锁定的用户名或地址" in body
    assert AuditEvent.objects.filter(action="login.unlock", username="secadmin").count() == 1


def test_the_console_unlocks_one_address_and_refuses_a_bad_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _lock_member()
    for _ in range(5):
        _attempt("member", "wrong", address="192.0.2.9")
    call_command("accounts", "unlock", "member", "--ip", "192.0.2.9")
    assert "已解除“member”的登录锁定（清除 5 次失败记录）" in capsys.readouterr().out
    assert set(LoginFailure.objects.filter(username="member").values_list("ip", flat=True)) == {
        ELSEWHERE}
    with pytest.raises(CommandError, match="不是有效的IP地址"):
        call_command("accounts", "unlock", "member", "--ip", "999.1.1.1")
    assert LoginFailure.objects.filter(username="member").count() == 5
