"""Extension points: lines an upper app contributes to what a lower app writes.

A lower app (duties) may not import an upper one (assessment), yet its output must carry the
upper app's figures (the 述责述廉 report carries the unit's 考核 result). The lower app names an
event and asks for its lines; the upper app contributes a function from its ``AppConfig.ready``::

    # assessment/apps.py
    contribute("duties.report", assessment_lines)
    # duties/documents.py
    body += lines("duties.report", organization=org, person=person, year=2026)

Contributors take keyword arguments only and return paragraphs (may be empty)."""

from collections.abc import Callable

Contributor = Callable[..., list[str]]

_CONTRIBUTORS: dict[str, list[Contributor]] = {}


def contribute(event: str, contributor: Contributor) -> None:
    """Register ``contributor`` for ``event`` (once: a second registration is ignored)."""
    found = _CONTRIBUTORS.setdefault(event, [])
    if contributor not in found:
        found.append(contributor)


def lines(event: str, **context: object) -> list[str]:
    """Every contributor's paragraphs for ``event``, in registration order."""
    return [line for contributor in _CONTRIBUTORS.get(event, [])
            for line in contributor(**context)]
