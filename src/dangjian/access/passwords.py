"""The password policy (等保 身份鉴别 a) as Django password validators, and rotation.

Configured in settings.AUTH_PASSWORD_VALIDATORS, so that every way of setting a password
(``validate_password`` in services, ``changepassword``) applies the same rules.
"""

import string
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from .rules import PASSWORD_COMPLEXITY

CHARACTER_CLASSES: dict[str, Callable[[str], bool]] = {
    "大写字母": lambda c: c in string.ascii_uppercase,
    "小写字母": lambda c: c in string.ascii_lowercase,
    "数字": lambda c: c in string.digits,
    # anything else, Chinese characters included, is a symbol for this count
    "符号": lambda c: not (c.isascii() and c.isalnum()),
}


def character_classes(password: str) -> set[str]:
    return {name for name, test in CHARACTER_CLASSES.items() if any(map(test, password))}


class ComplexityValidator:
    """At least ``min_length`` characters from at least ``min_classes`` of the four classes."""

    def __init__(self, min_length: int = 8, min_classes: int = 3) -> None:
        self.min_length = min_length
        self.min_classes = min_classes

    def validate(self, password: str, user: Any = None) -> None:
        errors = []
        if len(password) < self.min_length:
            errors.append(ValidationError(
                f"密码至少 {self.min_length} 位（当前 {len(password)} 位）",
                code="password_too_short"))
        found = len(character_classes(password))
        if found < self.min_classes:
            errors.append(ValidationError(
                f"密码须包含大写字母、小写字母、数字、符号中的至少 {self.min_classes} 类"
                f"（当前 {found} 类）", code="password_too_simple"))
        if errors:
            raise ValidationError(errors)

    def get_help_text(self) -> str:
        return (f"至少 {self.min_length} 位，包含大写字母、小写字母、数字、符号中的至少 "
                f"{self.min_classes} 类（{PASSWORD_COMPLEXITY.citation}）")


class NotUsernameValidator:
    """The password may not be the username, nor contain it (forwards or backwards)."""

    SHORTEST_NAME_SEARCHED = 3  # a two-letter name would forbid too many passwords

    def validate(self, password: str, user: Any = None) -> None:
        username = (user.get_username() if user is not None else "").lower()
        if not username:
            return
        lowered = password.lower()
        if lowered in {username, username[::-1]} or (
            len(username) >= self.SHORTEST_NAME_SEARCHED
            and (username in lowered or username[::-1] in lowered)
        ):
            raise ValidationError("密码不能是用户名，也不能包含用户名", code="password_is_username")

    def get_help_text(self) -> str:
        return "不能是用户名，也不能包含用户名"


class HistoryValidator:
    """Not one of the last ``count`` passwords; remembers each new one (PasswordHistory)."""

    def __init__(self, count: int = 5) -> None:
        self.count = count

    def validate(self, password: str, user: Any = None) -> None:
        if user is None or user.pk is None:
            return
        if any(check_password(password, encoded) for encoded in self._recent(user)):
            raise ValidationError(f"新密码不能与最近 {self.count} 次使用过的密码相同",
                                  code="password_reused")

    def password_changed(self, password: str, user: Any = None) -> None:
        from .models import PasswordHistory

        if user is None or user.pk is None:
            return
        PasswordHistory.objects.create(user=user, password=user.password)
        stale = user.password_history.values_list("pk", flat=True)[self.count:]
        PasswordHistory.objects.filter(pk__in=list(stale)).delete()

    def get_help_text(self) -> str:
        return f"不能与最近 {self.count} 次使用过的密码相同"

    def _recent(self, user: Any) -> list[str]:
        from .models import User

        # The stored hash counts too: accounts created with a hash have no history yet.
        current = User.objects.filter(pk=user.pk).values_list("password", flat=True).first()
        history = list(user.password_history.values_list("password", flat=True)[:self.count])
        return list(dict.fromkeys([*([current] if current else []), *history]))[:self.count]


def password_change_reason(user: Any) -> str | None:
    """Why ``user`` must change their password before doing anything else, if they must."""
    if user.must_change_password:
        return "这是管理员为您设置的初始密码，请先修改密码"
    days = settings.DANGJIAN_PASSWORD_MAX_AGE_DAYS
    # Demo accounts share a published password and never reach production: no rotation.
    if days <= 0 or user.is_demo:
        return None
    if user.password_changed_at <= timezone.now() - timedelta(days=days):
        return f"您的密码已超过 {days} 天未修改，请修改密码后继续使用"
    return None
