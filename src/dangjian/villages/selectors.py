"""Reads: the summary of a year (空壳村, 达标比例, 递增) over the villages a user sees."""

from dataclasses import dataclass, field
from decimal import Decimal
from functools import reduce
from operator import or_
from statistics import median
from typing import Any

from django.db.models import Q, QuerySet

from dangjian.access.scoping import restrict
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Link

from .models import Growth, Income, IncomeStatus, Measure, Target
from .rules import anomaly_limits

# Reports counted in the figures: reported by the village, verified or confirmed (a draft or a
# returned report is still the village's own work).
COUNTED = (IncomeStatus.REPORTED, IncomeStatus.VERIFIED, IncomeStatus.CONFIRMED)
HUNDRED = Decimal("100")


def villages_for(user: Any, township: Organization | None = None) -> QuerySet[Organization]:
    rows = restrict(Organization.objects.filter(kind=OrgKind.VILLAGE), user)
    if township is not None:
        rows = rows.filter(path__startswith=township.path)
    return rows.order_by("path")


def target_for(village: Organization, year: int) -> Target | None:
    """The target set by the nearest unit above ``village`` for ``year``."""
    prefixes = [village.path[:n] for n in range(Organization.steplen, len(village.path),
                                                 Organization.steplen)]
    return (Target.objects.filter(year=year, organization__path__in=prefixes)
            .order_by("-organization__depth").first())


def township_name(village: Organization, townships: dict[str, Organization]) -> str:
    for path, township in townships.items():
        if village.path.startswith(path):
            return township.name
    return ""


@dataclass
class Row:
    village: Organization
    township: str
    income: Income | None
    previous: Income | None

    def measure(self, kind: str, income: Income | None) -> Decimal | None:
        if income is None:
            return None
        return income.operating_income if kind == Measure.OPERATING else income.total


@dataclass
class Summary:
    year: int
    target: Target | None
    rows: list[Row] = field(default_factory=list)

    @property
    def measure(self) -> str:
        return self.target.measure if self.target else Measure.TOTAL

    @property
    def shell_line(self) -> Decimal:
        return self.target.shell_line if self.target else Decimal("0")

    @property
    def reported(self) -> list[Row]:
        return [r for r in self.rows if r.income is not None]

    @property
    def shell(self) -> list[Row]:
        """空壳村: operating income at or under the line."""
        return [r for r in self.reported if r.income is not None
                and r.income.operating_income <= self.shell_line]

    @property
    def at_or_above(self) -> int | None:
        if self.target is None:
            return None
        threshold = self.target.threshold
        return sum(1 for r in self.reported
                   if (r.measure(self.measure, r.income) or Decimal("0")) >= threshold)

    @property
    def share(self) -> Decimal | None:
        """Villages at or above the threshold, in % of all villages (unreported ones count as
        not reaching it)."""
        if self.at_or_above is None or not self.rows:
            return None
        return (Decimal(self.at_or_above) * HUNDRED / len(self.rows)).quantize(Decimal("0.01"))

    @property
    def declined(self) -> list[Row]:
        """Villages whose income fell below last year's (on the target's measure)."""
        return [r for r in self.reported if r.previous is not None
                and (r.measure(self.measure, r.income) or 0)
                < (r.measure(self.measure, r.previous) or 0)]

    @property
    def measure_label(self) -> str:
        return Measure(self.measure).label

    @property
    def declines(self) -> list[tuple[Row, Decimal | None, Decimal | None]]:
        """Each declined village with last year's and this year's amount on the target's
        measure (what the decline was judged on)."""
        return [(r, r.measure(self.measure, r.previous), r.measure(self.measure, r.income))
                for r in self.declined]

    def total(self, previous: bool = False) -> Decimal:
        return sum(((r.measure(self.measure, r.previous if previous else r.income)
                     or Decimal("0")) for r in self.rows), Decimal("0"))

    @property
    def growth_met(self) -> bool:
        if self.target is not None and self.target.growth == Growth.COUNTY:
            return self.total() >= self.total(previous=True)
        return not self.declined

    def anomalies(self) -> list[tuple[Row, str]]:
        """Reports to check again: 补助收入 above a share of the total, a jump over a ratio."""
        share, ratio = anomaly_limits()
        flagged = []
        for row in self.reported:
            income = row.income
            assert income is not None
            if income.total > 0 and income.subsidy * HUNDRED > income.total * share:
                part = income.subsidy * HUNDRED / income.total
                flagged.append((row, f"补助收入占总收入{part:.0f}%，超过{share}%"))
            if row.previous is not None and row.previous.total > 0 \
                    and income.total > row.previous.total * ratio:
                flagged.append((row, f"总收入为上年的{income.total / row.previous.total:.1f}倍，"
                                     f"超过{ratio}倍"))
        return flagged

    def by_township(self) -> list[dict[str, Any]]:
        names: dict[str, list[Row]] = {}
        for row in self.rows:
            names.setdefault(row.township, []).append(row)
        shell = {r.village.pk for r in self.shell}
        threshold = self.target.threshold if self.target else None
        table = []
        for name, rows in names.items():
            amounts = [r.measure(self.measure, r.income) for r in rows if r.income is not None]
            values = [a for a in amounts if a is not None]
            table.append({
                "township": name, "villages": len(rows), "reported": len(values),
                "shell_count": sum(1 for r in rows if r.village.pk in shell),
                "at_or_above": (None if threshold is None
                                else sum(1 for a in values if a >= threshold)),
                "total": sum(values, Decimal("0")),
                "median": median(values) if values else None,
            })
        return table


def summary(user: Any, year: int, township: Organization | None = None) -> Summary:
    villages = list(villages_for(user, township))
    target = target_for(villages[0], year) if villages else None
    incomes = {(i.organization_id, i.year): i for i in Income.objects.filter(
        organization__in=villages, year__in=(year, year - 1), status__in=COUNTED)}
    townships = {t.path: t for t in Organization.objects.filter(kind=OrgKind.TOWNSHIP)}
    result = Summary(year, target)
    for village in villages:
        result.rows.append(Row(village, township_name(village, townships),
                               incomes.get((village.pk, year)),
                               incomes.get((village.pk, year - 1))))
    return result


def linked_villages(person_id: int | None) -> QuerySet[Organization]:
    """The villages of a leader's current 包联 links (a linked township brings its villages)."""
    if person_id is None:
        return Organization.objects.none()
    links = Link.objects.current().filter(leader_id=person_id).select_related("organization")
    paths = [link.organization.path for link in links]
    if not paths:
        return Organization.objects.none()
    query = Organization.objects.filter(kind=OrgKind.VILLAGE)
    return query.filter(reduce(or_, [Q(path__startswith=p) for p in paths])).order_by("path")
