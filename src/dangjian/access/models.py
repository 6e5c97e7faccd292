"""Users, their role grants, API tokens, and what authentication remembers about them."""

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .roles import Role


class User(AbstractUser):
    person = models.OneToOneField(
        Person, verbose_name="对应人员", null=True, blank=True,
        on_delete=models.PROTECT, related_name="user",
    )
    display_name = models.CharField("显示名称", max_length=50, blank=True)
    # Demo accounts share a published password: the production settings refuse them.
    is_demo = models.BooleanField("演示账号", default=False)
    # Set on passwords chosen by an administrator (a new account): the owner must replace it.
    must_change_password = models.BooleanField("须修改密码", default=False)
    password_changed_at = models.DateTimeField("密码修改时间", default=timezone.now)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"

    def __str__(self) -> str:
        return self.display_name or self.username

    def set_password(self, raw_password: str | None) -> None:
        super().set_password(raw_password)
        self.password_changed_at = timezone.now()  # the age the rotation rule measures

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A new password, whichever way it was set (the password page, a service, an
        # operator's ``changepassword``), ends every API token issued under the old one.
        password_changed = getattr(self, "_password", None) is not None and self.pk is not None
        super().save(*args, **kwargs)
        if password_changed:
            revoke_tokens(self)


class PasswordHistory(models.Model):
    """Hashes of a user's recent passwords, so that a change cannot reuse one of them."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField("密码哈希", max_length=128)
    created_at = models.DateTimeField("设置时间", default=timezone.now)

    class Meta:
        verbose_name = "历史密码"
        verbose_name_plural = "历史密码"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d}"


class LoginFailure(models.Model):
    """One failed password or one-time code, counted by the lockout (等保 身份鉴别 b)."""

    username = models.CharField("用户名", max_length=150)  # lower-cased; may name no account
    ip = models.GenericIPAddressField("来源地址", null=True, blank=True)
    failed_at = models.DateTimeField("失败时间", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "登录失败"
        verbose_name_plural = "登录失败"
        indexes = [models.Index(fields=["username", "failed_at"])]

    def __str__(self) -> str:
        return f"{self.username} {self.failed_at:%Y-%m-%d %H:%M:%S}"


class RoleGrant(models.Model):
    user = models.ForeignKey(User, verbose_name="用户", on_delete=models.CASCADE,
                             related_name="grants")
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    organization = models.ForeignKey(
        Organization, verbose_name="范围组织", null=True, blank=True,
        on_delete=models.PROTECT, related_name="grants",
    )
    granted_at = models.DateTimeField("授予时间", default=timezone.now)

    class Meta:
        verbose_name = "角色授权"
        verbose_name_plural = "角色授权"
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "organization"],
                                    name="unique_grant_per_user_role_org"),
            # NULLs are distinct in the one above: a grant without an organisation (the 三员,
            # county roles) needs its own, or two concurrent grants would both be stored.
            models.UniqueConstraint(fields=["user", "role"],
                                    condition=models.Q(organization__isnull=True),
                                    name="unique_grant_per_user_role_without_org"),
        ]

    def __str__(self) -> str:
        scope = f" · {self.organization}" if self.organization else ""
        return f"{self.user} · {self.role}{scope}"


class ApiToken(models.Model):
    """A bearer token; only its SHA-256 is stored, so a database leak reveals no token."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "接口令牌"
        verbose_name_plural = "接口令牌"

    def __str__(self) -> str:
        return f"{self.user} 令牌 #{self.pk}"


def revoke_tokens(user: User) -> int:
    """Revoke every live token of ``user`` (a new password, a lockout); how many were live."""
    now = timezone.now()
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=now
                                   ).update(revoked_at=now)
