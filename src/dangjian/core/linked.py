"""Records of one domain app that a sibling app refers to by id (a small registry).

The domain apps may not import each other (docs/architecture.md, Layers). Where one must count
another's records, the owning app registers a *reader* here at start-up and the other asks by
kind and ids: oversight's 专项整治 names tasks' plans (``"tasks.plan"``) and reads their titles
and task completion this way. The reader scopes what it answers to the viewer; an id the viewer
may not see, or that does not exist, is simply absent from the answer.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from . import crossings


@dataclass(frozen=True)
class LinkedRecord:
    pk: int
    label: str
    url: str  # the record's detail page
    organization_id: int
    done: int = 0  # its parts completed (a plan's tasks done) …
    total: int = 0  # … of all its parts that count


Reader = Callable[[Iterable[int], Any], dict[int, LinkedRecord]]
Offer = Callable[[Any], list[LinkedRecord]]


def register(kind: str, reader: Reader, offer: Offer | None = None) -> None:
    """``reader`` answers records by id; ``offer`` (optional) the ones a form may offer the
    viewer to pick, newest first, at most a page's worth. Both ride on ``core.crossings``."""
    crossings.provide(f"linked.read:{kind}", reader)
    if offer is not None:
        crossings.provide(f"linked.offer:{kind}", offer)


def offered(kind: str, viewer: Any) -> list[LinkedRecord]:
    offer = crossings.find(f"linked.offer:{kind}")
    return offer(viewer) if offer is not None else []


def read(kind: str, ids: Iterable[int], viewer: Any) -> dict[int, LinkedRecord]:
    """The records of ``kind`` with these ids that ``viewer`` may see. A kind no app registered
    answers nothing (the owning app is not installed)."""
    ids = [int(i) for i in ids]
    reader = crossings.find(f"linked.read:{kind}")
    if reader is None or not ids:
        return {}
    result: dict[int, LinkedRecord] = reader(ids, viewer)
    return result
