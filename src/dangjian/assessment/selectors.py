"""What the cockpit and the pages read of the assessment (contract: issue 12)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet, Sum

from dangjian.access.scoping import restrict

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


# TEMPORARY (branch cockpit): a small stand-in until branch assess-core's selectors are
# merged; at that merge, assess-core's version of this file wins.


def schemes_for(user: Any) -> QuerySet[Scheme]:
    return restrict(Scheme.objects.all(), user)


def scores_for(user: Any) -> QuerySet[Score]:
    return restrict(Score.objects.select_related("indicator", "organization"), user)


def appeals_for(user: Any) -> QuerySet[Appeal]:
    return restrict(Appeal.objects.all(), user)


def results_for(user: Any) -> QuerySet[Result]:
    return restrict(Result.objects.select_related("organization", "person"), user)


def ranking(user: Any, year: int) -> list[RankRow]:
    """The latest scheme of ``year`` the user sees: frozen results when approved, otherwise
    the running totals of its scores, ranked; limited to the user's scope."""
    results = results_for(user).filter(scheme__year=year)
    latest = results.order_by("-scheme_id").values_list("scheme_id", flat=True).first()
    if latest is not None:
        return [RankRow(r.organization_id, r.organization.name,
                        r.person.name if r.person else "", r.total, r.rank, r.grade, None, "")
                for r in results.filter(scheme_id=latest).order_by("rank", "id")]
    scores = scores_for(user).filter(indicator__scheme__year=year)
    latest = scores.order_by("-indicator__scheme_id").values_list(
        "indicator__scheme_id", flat=True).first()
    if latest is None:
        return []
    totals = (scores.filter(indicator__scheme_id=latest).order_by()
              .values("organization_id", "organization__name")
              .annotate(total=Sum("points")).order_by("-total", "organization__name"))
    return [RankRow(row["organization_id"], row["organization__name"], "", row["total"], n,
                    "", None, "") for n, row in enumerate(totals, start=1)]
