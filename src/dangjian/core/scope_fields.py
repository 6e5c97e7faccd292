"""How a model tells ``access.scoping`` where its organisation and person are.

It lives at the bottom layer so that models of every app can declare it without importing
``access``, which sits above them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ScopeFields:
    path: str  # lookup to the organisation's materialised path, e.g. "organization__path"
    organization: str  # lookup to the organisation's id
    person: str | None = None  # lookup to a person's id, for "own records" scopes (党员)
    # Lookup to the person a record is addressed to (a notice's recipient): every user sees
    # what is addressed to them. Kept apart from ``person`` so that models without it (persons,
    # findings) never get an OR on a person id, which would defeat the subtree index.
    addressee: str | None = None
    # Whether a member's branch reach (Reach.OWN_RECORDS: the member's own organisation) covers
    # this model. Only what a branch shares with all its members says so (the organisation
    # itself, its meetings and their yearly counts, study records); oversight, tasks, duties and
    # the persons of the branch do not, so a plain 党员 sees there only what names them.
    member_branch: bool = False
