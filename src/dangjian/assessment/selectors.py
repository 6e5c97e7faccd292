"""What the cockpit and the pages read of the assessment (contract: issue 12)."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse

from dangjian.access.scoping import restrict
from dangjian.orgs.models import Organization

from .models import Appeal, Result, Scheme, Score
from .services.results import running_totals


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
    """Schemes over the user's scope, and the published ones that score a unit in it (a unit
    sees the scheme it is ranked by; drafts stay with their authors)."""
    own = restrict(Scheme.objects.all(), user).values("pk")
    scored = scores_for(user).values("indicator__scheme")
    return Scheme.objects.filter(
        Q(pk__in=own) | (Q(pk__in=scored) & ~Q(status=Scheme.Status.DRAFT))
    ).select_related("organization").order_by("-year", "-id")


def scores_for(user: Any) -> QuerySet[Score]:
    return restrict(Score.objects.all(), user).select_related(
        "indicator__scheme", "organization", "person")


def appeals_for(user: Any) -> QuerySet[Appeal]:
    return restrict(Appeal.objects.all(), user).select_related(
        "score__indicator__scheme", "score__organization", "raised_by", "handled_by")


def results_for(user: Any) -> QuerySet[Result]:
    """Frozen results in the user's scope: those who see the scheme itself (its assessors and
    leaders) from approval on, the units once released."""
    own = restrict(Scheme.objects.all(), user).values("pk")
    return restrict(Result.objects.all(), user).filter(
        Q(scheme__in=own) | Q(scheme__status=Scheme.Status.RELEASED)
    ).select_related("scheme", "organization", "person")


def scores_url(scheme: Scheme, organization_id: int) -> str:
    return f"{reverse('assessment:home')}scores/?scheme={scheme.pk}&target={organization_id}"


def _previous_ranks(user: Any, scheme: Scheme) -> dict[tuple[int, int | None], int] | None:
    """The ranks of the previous released scheme of the same kind over the same organisation."""
    previous = (results_for(user).filter(
        scheme__target_kind=scheme.target_kind, scheme__organization=scheme.organization,
        scheme__status=Scheme.Status.RELEASED)
        .filter(Q(scheme__year__lt=scheme.year) | Q(scheme__year=scheme.year,
                                                   scheme__pk__lt=scheme.pk))
        .order_by("-scheme__year", "-scheme__pk").values_list("scheme", flat=True).first())
    if previous is None:
        return None
    return {(r.organization_id, r.person_id): r.rank
            for r in Result.objects.filter(scheme_id=previous)}


def ranking(user: Any, year: int) -> list[RankRow]:
    """The latest scheme of ``year`` the user sees: frozen results when approved, otherwise
    the running totals of its scores, ranked; limited to the user's scope."""
    scheme = schemes_for(user).filter(year=year).exclude(
        status=Scheme.Status.DRAFT).order_by("-id").first()
    if scheme is None:
        return []
    before = _previous_ranks(user, scheme)

    def change(org_id: int, person_id: int | None, rank: int) -> int | None:
        if before is None or (org_id, person_id) not in before:
            return None
        return before[(org_id, person_id)] - rank

    results = list(results_for(user).filter(scheme=scheme).order_by("rank", "id"))
    if results or Result.objects.filter(scheme=scheme).exists():
        return [RankRow(r.organization_id, r.organization.name,
                        r.person.name if r.person else "", r.total, r.rank, r.grade,
                        change(r.organization_id, r.person_id, r.rank),
                        scores_url(scheme, r.organization_id)) for r in results]
    visible = set(restrict(Organization.objects.all(), user).values_list("pk", flat=True)
                  .filter(pk__in=[row.target.organization.pk
                                  for row in running_totals(scheme)]))
    return [RankRow(row.target.organization.pk, row.target.organization.name,
                    row.target.person.name if row.target.person else "", row.total, row.rank,
                    row.grade, change(*row.target.key, row.rank),
                    scores_url(scheme, row.target.organization.pk))
            for row in running_totals(scheme) if row.target.organization.pk in visible]
