"""Issue 10: tokens die with the password and with a lockout; the password page counts wrong
old passwords; a lock holds a name *from one address* (and an address trying many names), so
that nobody can lock the real user out of their own address."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import LoginFailure, User
from dangjian.audit.models import AuditEvent

from .conftest import TOKEN_URL
from .totp import totp

pytestmark = pytest.mark.django_db

LOCKED = "登录失败次数过多，账号已锁定至"
NEW_PASSWORD = "Xin2mima!Hao"
ELSEWHERE = "203.0.113.5"


def _token(username: str, password: str, **extra: str) -> str:
    response = APIClient().post(TOKEN_URL, {"username": username, "password": password, **extra})
    assert response.status_code == 201, response.content
    return str(response.json()["token"])


def _me(token: str) -> Any:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client.get("/api/v1/me/")


def _from(address: str, username: str, password: str, **extra: str) -> Any:
    return APIClient(REMOTE_ADDR=address).post(
        TOKEN_URL, {"username": username, "password": password, **extra})


def _signed_in(username: str, user: Callable[[str], User]) -> Client:
    client = Client()
    client.force_login(user(username))
    return client


def _change(client: Client, old: str) -> Any:
    return client.post("/password/", {"old_password": old, "new_password": NEW_PASSWORD,
                                      "new_password_again": NEW_PASSWORD})


# --- tokens outlive neither the password nor a lockout -------------------------------------

def test_changing_the_password_on_the_page_revokes_the_api_tokens(
    demo_password: str, user: Callable[[str], User],
) -> None:
    token = _token("member", demo_password)
    assert _me(token).status_code == 200
    assert _change(_signed_in("member", user), demo_password).status_code == 302
    refused = _me(token)
    assert refused.status_code == 401 and "撤销" in refused.json()["detail"]
    assert _me(_token("member", NEW_PASSWORD)).status_code == 200  # a new one works


def test_an_operator_reset_revokes_the_api_tokens(
    demo_password: str, user: Callable[[str], User], monkeypatch: pytest.MonkeyPatch,
) -> None:
    token = _token("member", demo_password)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": NEW_PASSWORD)
    call_command("changepassword", "member", stdout=None)
    assert user("member").check_password(NEW_PASSWORD)
    assert _me(token).status_code == 401


def test_a_lockout_revokes_the_api_tokens(demo_password: str) -> None:
    token = _token("member", demo_password)
    for _ in range(4):
        assert _from(ELSEWHERE, "member", "wrong").status_code == 401
    assert _from(ELSEWHERE, "member", "wrong").status_code == 403
    assert _me(token).status_code == 401
    event = AuditEvent.objects.get(action="login.lockout", username="member")
    assert event.after["tokens_revoked"] == 1 and event.ip == ELSEWHERE


# --- the password page is no oracle -------------------------------------------------------

def test_wrong_old_passwords_on_the_password_page_count_and_lock(
    demo_password: str, user: Callable[[str], User],
) -> None:
    client = _signed_in("member", user)
    for _ in range(4):
        page = _change(client, "wrong")
        assert page.status_code == 200 and "原密码不正确" in page.content.decode()
    fifth = _change(client, "wrong")
    assert fifth.status_code == 302 and fifth["Location"] == "/login/"
    assert client.get("/").status_code == 302  # the session ended with the lock
    refused = APIClient().post(TOKEN_URL, {"username": "member", "password": demo_password})
    assert refused.status_code == 403 and LOCKED in refused.json()["detail"]
    assert LoginFailure.objects.filter(username="member").count() == 5
    assert AuditEvent.objects.filter(action="login.lockout", username="member").count() == 1


def test_a_locked_name_cannot_change_its_password_even_with_the_right_one(
    demo_password: str, user: Callable[[str], User],
) -> None:
    for _ in range(5):
        APIClient().post(TOKEN_URL, {"username": "member", "password": "wrong"})
    before = user("member").password
    response = _change(_signed_in("member", user), demo_password)
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert user("member").password == before
    event = AuditEvent.objects.filter(action="password.change").latest("id")
    assert event.success is False and event.after["refused"] == ["locked"]


# --- a lock is a name from an address, or an address -------------------------------------

def test_failures_from_elsewhere_do_not_lock_the_owner_out_of_their_own_address(
    demo_password: str, demo_devices: None,
) -> None:
    for _ in range(4):
        assert _from(ELSEWHERE, "secadmin", "wrong").status_code == 401
    assert _from(ELSEWHERE, "secadmin", "wrong").json()["code"] == "locked"
    assert _from(ELSEWHERE, "secadmin", demo_password).json()["code"] == "locked"
    own = _from("127.0.0.1", "secadmin", demo_password, otp=totp())
    assert own.status_code == 201, own.content
    # the owner's success forgets only their own address's failures
    assert _from(ELSEWHERE, "secadmin", demo_password).json()["code"] == "locked"


def test_many_names_from_one_address_lock_that_address(
    demo_password: str, settings: Any,
) -> None:
    settings.DANGJIAN_LOGIN_ADDRESS_FAILURE_LIMIT = 8
    for name in ["a1", "a2", "a3", "a4"]:
        for _ in range(2):
            assert _from(ELSEWHERE, name, "wrong").status_code in (401, 403)
    refused = _from(ELSEWHERE, "member", demo_password)
    assert refused.status_code == 403 and LOCKED in refused.json()["detail"]
    assert _from("127.0.0.1", "member", demo_password).status_code == 201
