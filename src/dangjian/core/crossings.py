"""Services one domain app offers a sibling it may not import.

The domain apps are independent (``pyproject.toml``, contract "domains"): orglife may not import
oversight. Where a step of one app must write into another (a 民主生活会's 整改清单 becomes
findings of the oversight ledger), the writing app provides a named service from its
``AppConfig.ready`` and the other calls it by name, inside its own transaction::

    # oversight/apps.py
    provide("oversight.review_findings", review_findings_create)
    # orglife/services/lifemeetings.py
    ids = call("oversight.review_findings", actor=actor, organization=org, items=items)

Unlike ``core.contributions`` (any number of contributors of lines), a crossing has exactly one
provider and returns its answer; calling one nobody provides is a configuration error, never a
silent no-op. Providers take keyword arguments only."""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

_PROVIDERS: dict[str, Callable[..., Any]] = {}


def provide(name: str, service: Callable[..., Any]) -> None:
    """Offer ``service`` under ``name`` (again with the same service is a no-op)."""
    found = _PROVIDERS.get(name)
    if found is not None and found is not service:
        raise ImproperlyConfigured(f"crossing {name!r} is already provided by {found!r}")
    _PROVIDERS[name] = service


def find(name: str) -> Callable[..., Any] | None:
    """The service provided under ``name``, or None where the providing app is not installed
    (for callers that answer nothing rather than fail, e.g. ``core.linked``)."""
    return _PROVIDERS.get(name)


def call(name: str, **kwargs: Any) -> Any:
    """Run the service provided under ``name``."""
    try:
        service = _PROVIDERS[name]
    except KeyError:
        raise ImproperlyConfigured(f"no app provides the crossing {name!r}") from None
    return service(**kwargs)
