"""考核结果: running totals while scoring goes on, frozen Result rows at approval.

An indicator scored per month or quarter counts the average of its periods scored so far; a
BONUS adds on top of the total. Ties share a rank (1, 1, 3); the grade is the first of the
scheme's bands whose minimum the total reaches.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..models import Result, Scheme, Score
from .scoring import Target, leaves, targets_of

CENT = Decimal("0.01")


@dataclass(frozen=True)
class ResultRow:
    target: Target
    total: Decimal
    rank: int
    grade: str
    breakdown: dict[str, str]  # indicator code → points, as text (JSON keeps it exact)


def grade_of(scheme: Scheme, total: Decimal) -> str:
    bands = sorted(scheme.grade_bands, key=lambda b: Decimal(str(b["min"])), reverse=True)
    for band in bands:
        if total >= Decimal(str(band["min"])):
            return str(band["grade"])
    return str(bands[-1]["grade"]) if bands else ""


def ranked(totals: list[tuple[Any, Decimal]]) -> list[tuple[Any, Decimal, int]]:
    """Competition ranking: equal totals share a rank, the next rank skips (1, 1, 3)."""
    ordered = sorted(totals, key=lambda item: -item[1])
    out: list[tuple[Any, Decimal, int]] = []
    for index, (item, total) in enumerate(ordered):
        rank = out[-1][2] if out and out[-1][1] == total else index + 1
        out.append((item, total, rank))
    return out


def running_totals(scheme: Scheme) -> list[ResultRow]:
    indicators = {i.pk: i for i in leaves(scheme)}
    per: dict[tuple[int, int | None], dict[int, list[Decimal]]] = defaultdict(
        lambda: defaultdict(list))
    for indicator_id, org_id, person_id, points in Score.objects.filter(
            indicator__in=list(indicators)).values_list(
            "indicator_id", "organization_id", "person_id", "points"):
        per[(org_id, person_id)][indicator_id].append(points)
    totals: list[tuple[Any, Decimal]] = []
    breakdowns: dict[tuple[int, int | None], dict[str, str]] = {}
    for target in targets_of(scheme):
        scores = per.get(target.key, {})
        breakdown: dict[str, str] = {}
        total = Decimal(0)
        for indicator_id, indicator in indicators.items():
            values = scores.get(indicator_id)
            if not values:
                continue
            points = (sum(values, Decimal(0)) / len(values)).quantize(CENT, ROUND_HALF_UP)
            breakdown[indicator.code] = str(points)
            total += points
        breakdowns[target.key] = breakdown
        totals.append((target, total))
    return [ResultRow(target, total, rank, grade_of(scheme, total), breakdowns[target.key])
            for target, total, rank in ranked(totals)]


def freeze(scheme: Scheme) -> list[Result]:
    """The Result rows of ``scheme``: written once (at approval), never recomputed after; every
    score of the scheme is locked with them."""
    existing = list(Result.objects.filter(scheme=scheme).order_by("rank", "id"))
    if existing:
        return existing
    Score.objects.filter(indicator__scheme=scheme, frozen=False).update(frozen=True)
    return Result.objects.bulk_create([
        Result(scheme=scheme, organization=row.target.organization, person=row.target.person,
               total=row.total, rank=row.rank, grade=row.grade, breakdown=row.breakdown)
        for row in running_totals(scheme)])
