"""Who may see a menu item, as predicates on the user (``core.menu`` takes them as data)."""

from typing import Any

from dangjian.core.menu import Predicate

from .scoping import roles_of, scope_for


def has_business_scope(user: Any) -> bool:
    """Any business data at all: false for the 三员, whose menus hold no business pages."""
    return not scope_for(user).is_empty


def has_role(*roles: str) -> Predicate:
    def holds(user: Any) -> bool:
        return bool(roles_of(user) & set(roles))

    return holds
