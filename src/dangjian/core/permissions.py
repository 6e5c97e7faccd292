"""One permission answer: ``can(user, "<app>.<action>", obj)``.

Each domain app declares its actions once, as a table (action name → ``Rule``) in its
``services/permissions.py``, and registers it from its ``AppConfig.ready``. Services call
``require`` (refuse with a Chinese message, the API answers 403), pages ask ``can`` or the
``{% can %}`` template tag (show only the actions the user may take). Asking for an action no
table declares is a programming error and raises ``UnknownAction``, never a silent ``False``.

This module is bottom layer: it knows no roles; the predicates (in the apps, above ``access``)
read roles and grants through ``access.scoping.grants_of``, cached per request on the user.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class Rule:
    """Who may take one action: ``allows(user, obj)``, and the refusal a service gives."""

    allows: Callable[[Any, Any], bool]
    refusal: str | Callable[[Any, Any], str]

    def refusal_for(self, user: Any, obj: Any) -> str:
        return self.refusal(user, obj) if callable(self.refusal) else self.refusal


class UnknownAction(LookupError):
    """An action no app's table declares (a typo in a template or a service)."""


_TABLES: dict[str, Mapping[str, Rule]] = {}


def register(app: str, table: Mapping[str, Rule]) -> None:
    """Declare ``app``'s actions; they are asked for as ``"<app>.<action>"``."""
    _TABLES[app] = table


def rule_for(action: str) -> Rule:
    app, _, name = action.partition(".")
    try:
        return _TABLES[app][name]
    except KeyError:
        raise UnknownAction(f"no permission table declares {action!r}") from None


def actions() -> list[str]:
    """Every declared action, ``app.action``."""
    return sorted(f"{app}.{name}" for app, table in _TABLES.items() for name in table)


def can(user: Any, action: str, obj: Any = None) -> bool:
    return bool(rule_for(action).allows(user, obj))


def require(user: Any, action: str, obj: Any = None) -> None:
    """Refuse with ``PermissionDenied`` (the API answers 403) unless ``can``."""
    rule = rule_for(action)
    if not rule.allows(user, obj):
        raise PermissionDenied(rule.refusal_for(user, obj))
