from typing import Any

from rest_framework.permissions import BasePermission

from .scoping import roles_of


def role_required(*roles: str) -> type[BasePermission]:
    """A DRF permission class admitting users holding any of ``roles``."""

    class HasRole(BasePermission):
        message = f"仅限{'、'.join(roles)}操作"

        def has_permission(self, request: Any, view: Any) -> bool:
            return bool(roles_of(request.user) & set(roles))

    return HasRole
