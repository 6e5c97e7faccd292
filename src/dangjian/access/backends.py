from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend


class DangjianBackend(ModelBackend):
    """Django's model backend, refusing demo accounts where demo data is not allowed."""

    def user_can_authenticate(self, user: Any) -> bool:
        if getattr(user, "is_demo", False) and not settings.DANGJIAN_ALLOW_DEMO:
            return False
        return super().user_can_authenticate(user)
