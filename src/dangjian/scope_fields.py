"""How a model tells ``access.scoping`` where its organisation and person are.

It lives at the bottom layer so that models of every app can declare it without importing
``access``, which sits above them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ScopeFields:
    path: str  # lookup to the organisation's materialised path, e.g. "organization__path"
    organization: str  # lookup to the organisation's id
    person: str | None = None  # lookup to a person's id, for "own records" scopes
