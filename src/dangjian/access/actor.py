"""The user acting in a request, typed: services take ``actor: User``, never ``Any``."""

from typing import Any

from django.core.exceptions import PermissionDenied

from .models import User


def actor_of(request: Any) -> User:
    """``request.user`` of a page or API request that passed sign-in. Views run behind
    ``login_required`` or DRF's authentication, so an anonymous user here is refused, not
    passed on to a service."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("请先登录")
    return user
