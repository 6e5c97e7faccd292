"""The steps of signing in, shared by the login page and the token endpoint.

1. refuse a locked user name; 2. check the password (``authenticate(request=…)``); 3. check
the TOTP code when a second factor is required; 4. on full success, forget the failures.
Each refusal raises ``SignInRefused`` with a Chinese message, is audited, and changes nothing
but the failure count that the lockout needs.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from dangjian.audit.middleware import client_ip
from dangjian.audit.services import record

from . import lockout
from .models import User, revoke_tokens
from .otp import second_factor_required, usable_device
from .passwords import password_change_reason


@dataclass(frozen=True)
class Refusal:
    message: str
    status: int  # for the API: 401 asks for (other) credentials, 403 refuses outright


REFUSALS: dict[str, Refusal] = {
    "locked": Refusal(
        "登录失败次数过多，账号已锁定至 {until}，请届时再试或联系安全管理员解锁", 403),
    "bad_credentials": Refusal("用户名或密码不正确", 401),
    "otp_missing": Refusal("该账号须使用动态口令：请输入验证器上显示的6位数字", 401),
    "otp_wrong": Refusal("动态口令不正确或已使用过，请输入验证器上最新的6位数字", 401),
    "otp_no_device": Refusal("该账号须使用动态口令登录，但尚未绑定验证器，请联系系统管理员", 401),
    "password_change": Refusal("{why}：请先在网页上登录并修改密码，再获取接口令牌", 403),
}


class SignInRefused(Exception):
    def __init__(self, reason: str, **details: Any) -> None:
        refusal = REFUSALS[reason]
        self.reason = reason
        self.status = refusal.status
        self.message = refusal.message.format(**details)
        super().__init__(self.message)


def _refuse(request: HttpRequest, username: str, code: str, *, user: User | None = None,
            **details: Any) -> SignInRefused:
    record(actor=user, action="login.refused", success=False, username=username[:150],
           ip=client_ip(request), after={"reason": code, **details})
    return SignInRefused(code, **details)


def _local(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%H:%M}"


def count_failure(username: str, *, ip: str | None) -> datetime | None:
    """Count a failure; when the name is now locked from ``ip``, audit the lock and revoke the
    account's API tokens (a token must not outlive a lockout); when the lock ends."""
    until = lockout.note_failure(username, ip=ip)
    if until is not None:
        account = User.objects.filter(username__iexact=username.strip()).first()
        revoked = revoke_tokens(account) if account is not None else 0
        record(actor=None, action="login.lockout", success=False, username=username[:150],
               ip=ip, after={"until": until, "tokens_revoked": revoked})
    return until


def _count_failure(request: HttpRequest, username: str) -> None:
    """Count a failure; when it is the one that locks, say so."""
    until = count_failure(username, ip=client_ip(request))
    if until is not None:
        raise SignInRefused("locked", until=_local(until))


def locked_message(until: datetime) -> str:
    return REFUSALS["locked"].message.format(until=_local(until))


def refuse_if_locked(request: HttpRequest, username: str) -> None:
    until = lockout.locked_until(username, client_ip(request))
    if until is not None:
        raise _refuse(request, username, "locked", until=_local(until))


def check_password(request: HttpRequest, *, username: str, password: str) -> User:
    """Step 1–2. A wrong password is audited by the ``user_login_failed`` receiver."""
    refuse_if_locked(request, username)
    user = authenticate(request, username=username, password=password)
    if user is None:
        _count_failure(request, username)
        raise SignInRefused("bad_credentials")
    return user  # type: ignore[return-value]  # our only backend returns our User


def device_for(request: HttpRequest, user: User) -> TOTPDevice | None:
    """The device to ask a code of, None when no second factor is required; refuses when one
    is required but the user has none (an administrator must enrol it first)."""
    if not second_factor_required(user):
        return None
    device = usable_device(user)
    if device is None:
        raise _refuse(request, user.get_username(), "otp_no_device", user=user)
    return device


def check_code(request: HttpRequest, *, user: User, device: TOTPDevice, code: str) -> None:
    """Step 3. A wrong code counts towards the lockout like a wrong password."""
    username = user.get_username()
    refuse_if_locked(request, username)
    code = (code or "").strip()
    if not code:
        raise _refuse(request, username, "otp_missing", user=user)
    if not (code.isdecimal() and len(code) == device.digits and device.verify_token(code)):
        record(actor=user, action="login.refused", success=False, ip=client_ip(request),
               after={"reason": "otp_wrong"})
        _count_failure(request, username)
        raise SignInRefused("otp_wrong")


def succeed(request: HttpRequest, user: User) -> None:
    """Step 4, after every factor passed: forget this name's failures from this address."""
    lockout.clear(user.get_username(), ip=client_ip(request))


def refuse_if_password_change_due(request: HttpRequest, user: User) -> None:
    """For the token endpoint: a password that must be changed opens no API session."""
    reason = password_change_reason(user)
    if reason is not None:
        raise _refuse(request, user.get_username(), "password_change", user=user, why=reason)


def sign_in_at_once(request: HttpRequest, *, username: str, password: str, otp: str) -> User:
    """All steps in one request (the token endpoint): the code comes with the password."""
    user = check_password(request, username=username, password=password)
    device = device_for(request, user)
    if device is not None:
        check_code(request, user=user, device=device, code=otp)
    refuse_if_password_change_due(request, user)
    succeed(request, user)
    return user
