"""Evidence providers' registry: how a duty's proof is found in what other apps hold.

It sits at the bottom (core) so that an app providing proof registers here from its own
``AppConfig.ready`` without importing ``duties``, and ``duties`` asks here without importing
that app: the domain apps stay independent (pyproject's import contracts). ``duties.evidence``
re-exports it; ``duties.catalogue`` names the keys.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dangjian.orgs.models import Organization


@dataclass(frozen=True)
class Fact:
    on: date
    text: str
    source: str  # the register it comes from, e.g. "监督工作提示单"
    link: str = ""  # the record's page, where the viewer may open it


@dataclass(frozen=True)
class Evidence:
    facts: list[Fact] = field(default_factory=list)
    owed_late: list[Fact] = field(default_factory=list)  # owed, past its date, not done


@dataclass(frozen=True)
class Subject:
    """Whose duty and when. ``unit`` is the unit a party body belongs to (县财政局 for
    县财政局党组), where its plans and tasks are recorded; ``viewer`` scopes every read."""

    organization: Organization
    unit: Organization
    person: Any  # a people.Person or None (core sits below people)
    start: date
    end: date
    today: date
    viewer: Any


Provider = Callable[[Subject], Evidence]
_PROVIDERS: dict[str, tuple[str, Provider]] = {}


def provider(key: str, label: str) -> Callable[[Provider], Provider]:
    def register(function: Provider) -> Provider:
        _PROVIDERS[key] = (label, function)
        return function

    return register


def find(key: str) -> Provider | None:
    entry = _PROVIDERS.get(key)
    return entry[1] if entry else None


def registered() -> dict[str, str]:
    """Key → what it counts, for pages that say where an item's proof comes from."""
    return {key: label for key, (label, _) in _PROVIDERS.items()}
