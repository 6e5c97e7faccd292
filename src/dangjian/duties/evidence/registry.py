"""The registry itself; bottom of duties, importing no other app."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dangjian.orgs.models import Organization
from dangjian.people.models import Person


@dataclass(frozen=True)
class Fact:
    on: date
    text: str
    source: str  # the register it comes from, e.g. "监督工作提示单"
    link: str = ""


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
    person: Person | None
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
