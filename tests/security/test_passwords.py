"""等保 身份鉴别 a: complexity, not the username, not a recent one, rotation, initial change."""

import itertools
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access import services
from dangjian.access.models import PasswordHistory, User
from dangjian.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

INITIAL = "Chu1shi!Mima"


def _refusals(password: str, user: User | None = None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        return exc.messages
    return []


@pytest.mark.parametrize(("password", "expected"), [
    ("Ab1!xyz", "密码至少 8 位（当前 7 位）"),
    ("abcdefgh12", "密码须包含大写字母、小写字母、数字、符号中的至少 3 类（当前 2 类）"),
    ("ABCDEFGH!!", "密码须包含大写字母、小写字母、数字、符号中的至少 3 类（当前 2 类）"),
])
def test_short_or_simple_passwords_are_refused_in_chinese(password: str, expected: str) -> None:
    assert expected in _refusals(password)


@pytest.mark.parametrize("password",
                         ["Qingfeng12", "abcdef1!", "ABCDEF1!", "Abcdefg!", "党建Abc123"])
def test_eight_characters_of_three_classes_pass(password: str) -> None:
    assert _refusals(password) == []


def test_the_username_is_refused_forwards_and_backwards() -> None:
    user = User(username="zhangwei")
    assert "密码不能是用户名，也不能包含用户名" in _refusals("Zhangwei1!", user)
    assert "密码不能是用户名，也不能包含用户名" in _refusals("iewgnahz1!A", user)
    assert _refusals("Qingfeng1!", user) == []


def test_a_common_password_is_refused() -> None:
    assert _refusals("Password1") == ["这个密码太常见了。"]  # Django's list of common passwords


def _create(username: str = "new_clerk") -> User:
    return services.user_create(actor=User.objects.get(username="admin"), username=username,
                                password=INITIAL)


def test_a_new_account_must_change_its_initial_password() -> None:
    user = _create()
    assert user.must_change_password
    assert PasswordHistory.objects.filter(user=user).count() == 1


def test_a_weak_initial_password_is_refused_audited_and_nothing_created(
    api_as: Callable[[str], APIClient],
) -> None:
    response = api_as("admin").post("/api/v1/users/", {"username": "weak", "password": "weak"})
    assert response.status_code == 400
    assert response.json()["detail"] == "密码至少 8 位（当前 4 位）"
    assert not User.objects.filter(username="weak").exists()
    event = AuditEvent.objects.filter(action="user.create").latest("id")
    assert event.success is False and event.after["username"] == "weak"
    assert "weak" not in str(event.after["refused"])  # the refusal never records the password


def _signed_in(username: str, password: str) -> Client:
    client = Client()
    response = client.post("/login/", {"username": username, "password": password})
    assert response.status_code == 302, response.content.decode()
    return client


def test_the_first_login_leads_to_the_password_page_and_nowhere_else() -> None:
    _create()
    client = _signed_in("new_clerk", INITIAL)
    for url in ["/", "/persons/", "/audit/"]:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/password/", url
    page = client.get("/password/").content.decode()
    assert "这是管理员为您设置的初始密码，请先修改密码" in page
    api = client.get("/api/v1/me/")
    assert api.status_code == 403 and "请先修改密码" in api.json()["detail"]


def test_the_token_endpoint_refuses_until_the_initial_password_is_changed(
    ask_token: Callable[..., Any],
) -> None:
    _create()
    response = ask_token("new_clerk", INITIAL)
    assert response.status_code == 403
    assert response.json() == {
        "detail": "这是管理员为您设置的初始密码，请先修改密码："
                  "请先在网页上登录并修改密码，再获取接口令牌",
        "code": "password_change"}
    assert AuditEvent.objects.filter(action="login.refused", username="new_clerk",
                                     after__reason="password_change").exists()


def test_changing_the_password_clears_the_flag_keeps_the_session_and_is_audited() -> None:
    user = _create()
    client = _signed_in("new_clerk", INITIAL)
    response = client.post("/password/", {"old_password": INITIAL, "new_password": "Xin2mima!",
                                          "new_password_again": "Xin2mima!"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200  # still signed in
    user.refresh_from_db()
    assert not user.must_change_password and user.check_password("Xin2mima!")
    assert user.password_changed_at > timezone.now() - timedelta(minutes=1)
    assert AuditEvent.objects.filter(action="password.change", username="new_clerk",
                                     success=True).exists()


@pytest.mark.parametrize(("form", "message"), [
    ({"old_password": "wrong", "new_password": "Xin2mima!", "new_password_again": "Xin2mima!"},
     "原密码不正确"),
    ({"old_password": INITIAL, "new_password": "xin", "new_password_again": "xin"},
     "密码至少 8 位（当前 3 位）"),
    ({"old_password": INITIAL, "new_password": "Xin2mima!", "new_password_again": "Xin2mima?"},
     "两次输入的新密码不一致"),
])
def test_a_refused_change_says_why_and_changes_nothing(form: dict[str, str], message: str) -> None:
    user = _create()
    client = _signed_in("new_clerk", INITIAL)
    before = User.objects.values().get(pk=user.pk)
    response = client.post("/password/", form)
    assert response.status_code == 200 and message in response.content.decode()
    assert User.objects.values().get(pk=user.pk) == before


def test_a_refused_change_is_audited() -> None:
    _create()
    _signed_in("new_clerk", INITIAL).post("/password/", {
        "old_password": INITIAL, "new_password": "new_clerk1A!",
        "new_password_again": "new_clerk1A!"})
    event = AuditEvent.objects.filter(action="password.change").latest("id")
    assert event.success is False
    assert event.after["refused"] == ["密码不能是用户名，也不能包含用户名"]


def test_none_of_the_last_five_passwords_may_come_back() -> None:
    user = _create()
    used = [INITIAL, *(f"Mima{n}!abc" for n in range(1, 6))]
    for old, new in itertools.pairwise(used):
        services.password_change(user=user, old_password=old, new_password=new)
    for recent in used[1:-1]:
        with pytest.raises(ValidationError, match="不能与最近 5 次使用过的密码相同"):
            services.password_change(user=user, old_password=used[-1], new_password=recent)
    # the sixth from last has dropped out of the history
    services.password_change(user=user, old_password=used[-1], new_password=INITIAL)
    assert user.password_history.count() == 5


def test_a_password_older_than_the_rotation_period_must_be_changed(settings: Any) -> None:
    user = _create()
    services.password_change(user=user, old_password=INITIAL, new_password="Xin2mima!")
    User.objects.filter(pk=user.pk).update(
        password_changed_at=timezone.now() - timedelta(days=91))
    client = _signed_in("new_clerk", "Xin2mima!")
    assert client.get("/")["Location"] == "/password/"
    assert "您的密码已超过 90 天未修改" in client.get("/password/").content.decode()
    settings.DANGJIAN_PASSWORD_MAX_AGE_DAYS = 120  # the period is a setting
    assert client.get("/").status_code == 200


def test_demo_accounts_are_not_rotated(user: Callable[[str], User]) -> None:
    User.objects.filter(username="member").update(
        password_changed_at=timezone.now() - timedelta(days=400))
    client = Client()
    client.force_login(user("member"))
    assert client.get("/").status_code == 200


def test_production_hashes_passwords_with_argon2_first() -> None:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DANGJIAN_", "DATABASE_URL", "DJANGO_"))}
    result = subprocess.run(
        [sys.executable, "-c",
         "import dangjian.settings.production as s; print(s.PASSWORD_HASHERS[0])"],
        env={**clean, "DANGJIAN_SECRET_KEY": "s" * 50, "DANGJIAN_FIELD_KEY": "f" * 32,
             "DATABASE_URL": "postgres://dangjian@127.0.0.1:5432/none"},
        capture_output=True, text=True, check=False,
    )
    assert result.stdout.strip() == "django.contrib.auth.hashers.Argon2PasswordHasher", result
    hasher = Argon2PasswordHasher()  # argon2-cffi is installed and works
    encoded = hasher.encode("Xin2mima!", hasher.salt())
    assert encoded.startswith("argon2$argon2id$") and hasher.verify("Xin2mima!", encoded)
