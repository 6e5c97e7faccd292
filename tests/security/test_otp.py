"""等保 身份鉴别 d: password plus TOTP, always for the 三员, for everyone when required."""

from base64 import b32decode
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from dangjian.access import otp
from dangjian.access.models import LoginFailure, User
from dangjian.audit.models import AuditEvent

from .totp import totp

pytestmark = pytest.mark.django_db

MISSING = "该账号须使用动态口令：请输入验证器上显示的6位数字"
WRONG = "动态口令不正确或已使用过，请输入验证器上最新的6位数字"


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_the_demo_secret_is_stored_as_hex_and_given_to_the_three_administrators(
    demo_devices: None,
) -> None:
    assert b32decode("DANGJIANDEMOTOTP").hex() == otp.DEMO_TOTP_KEY
    holders = TOTPDevice.objects.filter(key=otp.DEMO_TOTP_KEY).values_list(
        "user__username", flat=True)
    assert sorted(holders) == ["admin", "auditor", "secadmin"]
    assert otp.ensure_demo_devices() == 0  # idempotent


def test_demo_devices_are_refused_where_demo_data_is_not_allowed(settings: Any) -> None:
    settings.DANGJIAN_ALLOW_DEMO = False
    with pytest.raises(ImproperlyConfigured):
        otp.ensure_demo_devices()


@pytest.mark.parametrize(("extra", "code", "message"), [
    ({}, "otp_missing", MISSING),
    ({"otp": ""}, "otp_missing", MISSING),
    ({"otp": "12ab56"}, "otp_wrong", WRONG),
])
def test_an_administrator_without_a_good_code_gets_no_token(
    demo_devices: None, ask_token: Callable[..., Any], demo_password: str,
    extra: dict[str, str], code: str, message: str,
) -> None:
    response = ask_token("auditor", demo_password, **extra)
    assert response.status_code == 401
    assert response.json() == {"detail": message, "code": code}
    event = AuditEvent.objects.filter(action="login.refused").latest("id")
    assert event.username == "auditor" and event.after["reason"] == code
    assert not event.user.api_tokens.exists()


def test_a_wrong_code_counts_towards_the_lockout(
    demo_devices: None, ask_token: Callable[..., Any], demo_password: str,
) -> None:
    for _ in range(4):
        response = ask_token("secadmin", demo_password, otp=_wrong(totp()))
        assert response.status_code == 401 and response.json()["detail"] == WRONG
    assert ask_token("secadmin", demo_password, otp=_wrong(totp())).json()["code"] == "locked"
    assert ask_token("secadmin", demo_password, otp=totp()).status_code == 403


def test_the_right_code_opens_the_api_once(
    demo_devices: None, ask_token: Callable[..., Any], demo_password: str,
) -> None:
    code = totp()
    response = ask_token("admin", demo_password, otp=code)
    assert response.status_code == 201, response.content
    assert ask_token("admin", demo_password, otp=code).json()["code"] == "otp_wrong"  # replay
    assert LoginFailure.objects.filter(username="admin").count() == 1  # only the replay


def test_an_administrator_without_a_device_is_told_to_ask_for_one(
    ask_token: Callable[..., Any], demo_password: str,
) -> None:
    TOTPDevice.objects.filter(user__username="admin").delete()
    response = ask_token("admin", demo_password, otp="123456")
    assert response.status_code == 401 and response.json()["code"] == "otp_no_device"
    assert "尚未绑定验证器" in response.json()["detail"]


def test_business_roles_need_no_code_unless_required_for_everyone(
    ask_token: Callable[..., Any], demo_password: str, settings: Any,
) -> None:
    assert ask_token("member", demo_password).status_code == 201
    settings.DANGJIAN_REQUIRE_2FA = True
    assert ask_token("member", demo_password).json()["code"] == "otp_no_device"
    device = otp.enrol(actor=None, user=User.objects.get(username="member"))
    assert ask_token("member", demo_password).json()["code"] == "otp_missing"
    secret = otp.base32_secret(device)
    assert ask_token("member", demo_password, otp=totp(secret)).status_code == 201


def test_the_demo_key_is_refused_where_demo_data_is_not_allowed(
    ask_token: Callable[..., Any], settings: Any,
) -> None:
    settings.DANGJIAN_ALLOW_DEMO = False
    officer = User.objects.create(username="real_admin")
    officer.set_password("Zhen1admin!")
    officer.save()
    officer.grants.create(role="安全管理员")
    TOTPDevice.objects.create(user=officer, name="动态口令", key=otp.DEMO_TOTP_KEY)
    response = ask_token("real_admin", "Zhen1admin!", otp=totp())
    assert response.status_code == 401 and response.json()["code"] == "otp_no_device"


def test_enrolment_replaces_the_key_is_audited_and_prints_the_secret(capsys: Any) -> None:
    call_command("accounts", "otp-enrol", "finance_clerk")
    out = capsys.readouterr().out
    device = TOTPDevice.objects.get(user__username="finance_clerk")
    assert otp.base32_secret(device) in out and "otpauth://totp/" in out
    call_command("accounts", "otp-enrol", "finance_clerk")
    assert TOTPDevice.objects.filter(user__username="finance_clerk").count() == 1
    assert AuditEvent.objects.filter(action="otp.enrol").count() == 2


def test_the_demo_helper_prints_the_current_code(capsys: Any) -> None:
    call_command("accounts", "demo-otp")
    out = capsys.readouterr().out
    assert totp() in out or totp(steps_ago=1) in out  # a step may just have passed


def _password_step(client: Client, username: str, password: str) -> Any:
    return client.post("/login/?next=/audit/", {"username": username, "password": password,
                                                 "next": "/audit/"})


def test_the_login_page_asks_an_administrator_for_the_code_second(
    demo_devices: None, demo_password: str,
) -> None:
    client = Client()
    response = _password_step(client, "auditor", demo_password)
    assert response.status_code == 302 and response["Location"] == "/login/otp/"
    assert "_auth_user_id" not in client.session  # not signed in yet
    page = client.get("/login/otp/").content.decode()
    assert "输入动态口令" in page
    wrong = client.post("/login/otp/", {"otp": _wrong(totp())})
    assert wrong.status_code == 200 and WRONG in wrong.content.decode()
    empty = client.post("/login/otp/", {"otp": ""})
    assert MISSING in empty.content.decode()
    done = client.post("/login/otp/", {"otp": totp()})
    assert done.status_code == 302 and done["Location"] == "/audit/"
    assert client.session["otp_device_id"].startswith("otp_totp.totpdevice/")
    assert client.get("/audit/").status_code == 200


def test_the_code_step_expires_and_cannot_be_reached_without_the_password(
    demo_devices: None, demo_password: str,
) -> None:
    client = Client()
    assert client.get("/login/otp/")["Location"] == "/login/"
    _password_step(client, "auditor", demo_password)
    session = client.session
    session["dangjian_pending_login"]["at"] -= 301
    session.save()
    response = client.post("/login/otp/", {"otp": totp()}, follow=True)
    assert "登录已超时，请重新输入用户名和密码" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_login_page_refuses_an_administrator_without_a_device_at_once(
    demo_password: str,
) -> None:
    TOTPDevice.objects.filter(user__username="auditor").delete()
    response = _password_step(Client(), "auditor", demo_password)
    assert response.status_code == 200 and "尚未绑定验证器" in response.content.decode()
