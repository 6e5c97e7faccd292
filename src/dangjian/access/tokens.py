"""Bearer tokens for the API: issued by POST /api/v1/auth/token/, expiring, revocable."""

import hashlib
import secrets
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.request import Request

from dangjian.audit.services import record

from .models import ApiToken, User


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def token_issue(*, user: User) -> tuple[str, datetime]:
    key = secrets.token_urlsafe(32)
    expires_at = timezone.now() + settings.DANGJIAN_TOKEN_LIFETIME
    with transaction.atomic():
        token = ApiToken.objects.create(user=user, key_hash=_digest(key), expires_at=expires_at)
        record(actor=user, action="token.issue", target=token,
               after={"expires_at": expires_at})
    return key, expires_at


def token_revoke(*, actor: User, token: ApiToken) -> None:
    with transaction.atomic():
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor=actor, action="token.revoke", target=token)


class BearerTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed("令牌格式错误，应为 Authorization: Bearer <令牌>")
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=_digest(parts[1].decode(errors="replace")))
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed("令牌无效，请重新登录获取令牌")
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed("令牌已被撤销，请重新登录获取令牌")
        if token.expires_at <= timezone.now():
            raise exceptions.AuthenticationFailed("令牌已过期，请重新登录获取令牌")
        if not token.user.is_active:
            raise exceptions.AuthenticationFailed("该账号已停用")
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


def request_token(request: Any) -> ApiToken | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, ApiToken) else None
