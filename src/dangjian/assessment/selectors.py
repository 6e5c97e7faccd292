"""What the cockpit and the pages read of the assessment (contract: issue 12)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from .models import Appeal, Result, Scheme, Score


@dataclass(frozen=True)
class RankRow:
    organization_id: int
    organization: str
    person: str  # "" for a unit
    total: Decimal
    rank: int
    grade: str
    change: int | None  # places gained (+) or lost (−) since the previous period; None: new
    url: str  # the target's scores, filtered


def schemes_for(user: Any) -> QuerySet[Scheme]:
    raise NotImplementedError


def scores_for(user: Any) -> QuerySet[Score]:
    raise NotImplementedError


def appeals_for(user: Any) -> QuerySet[Appeal]:
    raise NotImplementedError


def results_for(user: Any) -> QuerySet[Result]:
    raise NotImplementedError


def ranking(user: Any, year: int) -> list[RankRow]:
    """The latest scheme of ``year`` the user sees: frozen results when approved, otherwise
    the running totals of its scores, ranked; limited to the user's scope."""
    raise NotImplementedError
