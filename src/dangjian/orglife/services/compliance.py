"""三会一课 compliance for any subtree and year, from the yearly rollup, plus the branch
structure checks. A handful of queries for the whole subtree, however large: the organisations
(materialised path ``path__startswith``) joined to their rollup rows, sitting committees and,
for the structure checks, full members per organisation.

A period counts as due once it has ended (or once a meeting was held in it): in November the
report does not yet fault a branch for November or for the year's 组织生活会.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.db.models import Count, FilteredRelation, Min, Q
from django.utils import timezone

from dangjian.core.citations import Rule
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import PartyStatus, Person, Post

from ..models.rollups import month_bit
from ..rules import (
    COMMITTEE_FROM_FULL_MEMBERS,
    MIN_FULL_MEMBERS,
    NO_COMMITTEE,
    OTHER_TERM_YEARS,
    TERM_EXPIRED,
    TOO_FEW_MEMBERS,
    VILLAGE_TERM_YEARS,
    AppliesWhen,
    MeetingRule,
    Period,
    local_settings,
)


class ComplianceRow(NamedTuple):  # a tuple: a province report builds hundreds of thousands
    organization_id: int
    organization_name: str
    kind: str  # the meeting kind
    rule: str
    period: str
    required: int  # due so far this year
    held: int  # of those, fulfilled
    gap: int
    missing: tuple[str, ...]  # the periods without a meeting: 3月, 第二季度, 全年
    citation: str
    status: str


class StructureGap(NamedTuple):
    organization_id: int
    organization_name: str
    rule: str
    detail: str
    citation: str
    status: str


@dataclass(frozen=True)
class ComplianceReport:
    root: Organization
    year: int
    as_of: date
    rows: list[ComplianceRow]
    structure: list[StructureGap]

    @property
    def gaps(self) -> list[ComplianceRow]:
        return [row for row in self.rows if row.gap]

    @property
    def organizations_with_gaps(self) -> int:
        return len({row.organization_id for row in self.gaps})


class _Org(NamedTuple):
    id: int
    name: str
    kind: str
    parent_id: int | None
    parent_kind: str | None


def compliance_report(
    *, root: Organization, year: int, as_of: date | None = None, include_structure: bool = True
) -> ComplianceReport:
    """Per organisation and rule in ``root``'s subtree: required, held, gap, citation."""
    as_of = as_of or timezone.localdate()
    on = min(as_of, date(year, 12, 31))  # a past year is judged as it stood at its end
    rules = local_settings()
    kinds = {k for r in rules.meeting_rules for k in r.applies_to} | {
        OrgKind.BRANCH.value, OrgKind.PARTY_CELL.value}
    orgs, held = _organizations_and_rollups(root, kinds, year)
    committees = _committees(root, on)
    due_before = 13 if year < as_of.year else (as_of.month if year == as_of.year else 1)
    rules_by_kind = {kind: rules.rules_for(kind) for kind in kinds}
    row = _RowMaker(due_before)
    rows = [
        row(org, rule, held.get((org.id, rule.kind), NOTHING_HELD))
        for org in orgs
        for rule in rules_by_kind[org.kind]
        if rule.applies_when is AppliesWhen.ALWAYS or org.id in committees
    ]
    structure = _structure(root, orgs, committees, on) if include_structure else []
    return ComplianceReport(root, year, as_of, rows, structure)


def _organizations_and_rollups(root: Organization, kinds: set[str], year: int
                               ) -> tuple[list[_Org], dict[tuple[int, str], tuple[int, int]]]:
    """The subtree's organisations with their rollup rows of ``year``: one LEFT JOIN, one
    row per organisation and kind held (or one with no rollup when nothing was held)."""
    rollup = FilteredRelation("meeting_rollups", condition=Q(meeting_rollups__year=year))
    found = (Organization.objects.filter(path__startswith=root.path, kind__in=kinds)
             .annotate(rollup=rollup).order_by("path")
             .values_list("id", "name", "kind", "parent_id", "parent__kind",
                          "rollup__kind", "rollup__count", "rollup__months"))
    orgs: list[_Org] = []
    held: dict[tuple[int, str], tuple[int, int]] = {}
    for org_id, name, kind, parent_id, parent_kind, held_kind, count, months in found:
        if not orgs or orgs[-1].id != org_id:
            orgs.append(_Org(org_id, name, kind, parent_id, parent_kind))
        if held_kind is not None:
            held[(org_id, held_kind)] = (count, months)
    return orgs, held


def _committees(root: Organization, on: date) -> dict[int, date]:
    """Branches with a sitting committee, and when it was elected: a committee's 委员 posts all
    start at the election that formed it, so the earliest current one dates the term."""
    posts = Post.objects.current(on).filter(organization__path__startswith=root.path,
                                            organization__kind=OrgKind.BRANCH, title="委员")
    return dict(posts.values_list("organization_id").annotate(since=Min("start_on"))
                .values_list("organization_id", "since"))


NOTHING_HELD = (0, 0)


class _RowMaker:
    """Builds the report's rows. A province repeats a few patterns (all twelve months held,
    one month missed …), so each rule's outcome is worked out once per pattern."""

    def __init__(self, due_before: int) -> None:
        self.due_before = due_before
        self.outcomes: dict[tuple[str, int, int], tuple[int, int, tuple[str, ...]]] = {}
        self.texts: dict[str, tuple[str, str, str, str, str]] = {}

    def __call__(self, org: _Org, rule: MeetingRule, rollup: tuple[int, int]) -> ComplianceRow:
        key = (rule.key, *rollup)
        outcome = self.outcomes.get(key)
        if outcome is None:
            outcome = self.outcomes[key] = self._evaluate(rule, *rollup)
        texts = self.texts.get(rule.key)
        if texts is None:
            texts = self.texts[rule.key] = (rule.kind, rule.rule.text, rule.period.label,
                                            rule.citation, rule.rule.status.value)
        kind, text, period, citation, status = texts
        required, held, missing = outcome
        return ComplianceRow(org.id, org.name, kind, text, period, required, held,
                             required - held, missing, citation, status)

    def _evaluate(self, rule: MeetingRule, count: int, months: int
                  ) -> tuple[int, int, tuple[str, ...]]:
        """(required, held, missing periods) of one rule for one rollup row."""
        if rule.period in (Period.YEAR, Period.Q4):
            return _by_year(rule.min_count, count, self.due_before)
        return _by_periods(rule.period, months, self.due_before)


def _by_year(min_count: int, count: int, due_before: int) -> tuple[int, int, tuple[str, ...]]:
    held = min(count, min_count)
    required = min_count if due_before > 12 else held
    return required, held, ("全年",) if held < required else ()


def _by_periods(period: Period, months: int, due_before: int
                ) -> tuple[int, int, tuple[str, ...]]:
    """One meeting fulfils a month or a quarter (the only minimum rules.py allows there)."""
    required = held = 0
    missing: list[str] = []
    for span in period.periods:
        met = any(months & month_bit(m) for m in span)
        ended = span[-1] < due_before
        held += met
        required += met or ended
        if ended and not met:
            missing.append(period.name_of(span))
    return required, held, tuple(missing)


def _structure(root: Organization, orgs: list[_Org], committees: dict[int, date], on: date
               ) -> list[StructureGap]:
    branches = [org for org in orgs if org.kind == OrgKind.BRANCH]
    full = _full_members_per_branch(root, orgs)
    gaps: list[StructureGap] = []
    for branch in branches:
        members = full.get(branch.id, 0)
        if members >= COMMITTEE_FROM_FULL_MEMBERS and branch.id not in committees:
            gaps.append(_gap(branch, NO_COMMITTEE.rule, f"正式党员{members}名，未设立支部委员会"))
        if branch.id in committees:
            village = branch.parent_kind == OrgKind.VILLAGE
            years = VILLAGE_TERM_YEARS if village else OTHER_TERM_YEARS
            ends = _add_years(committees[branch.id], years)
            if ends <= on:
                gaps.append(_gap(branch, TERM_EXPIRED.rule,
                                 f"支部委员会{committees[branch.id]:%Y年%m月}产生，"
                                 f"{years}年任期已于{ends:%Y年%m月%d日}届满"))
        if members < MIN_FULL_MEMBERS:
            gaps.append(_gap(branch, TOO_FEW_MEMBERS.rule, f"正式党员仅{members}名"))
    return gaps


def _full_members_per_branch(root: Organization, orgs: list[_Org]) -> dict[int, int]:
    """Full members of each branch, including those kept on its 党小组."""
    branch_of = {org.id: org.id for org in orgs if org.kind == OrgKind.BRANCH}
    branch_of |= {org.id: org.parent_id for org in orgs
                  if org.kind == OrgKind.PARTY_CELL and org.parent_id in branch_of}
    counts = (Person.objects.filter(organization__path__startswith=root.path,
                                    party_status=PartyStatus.FULL_MEMBER)
              .values_list("organization_id").annotate(n=Count("id"))
              .values_list("organization_id", "n"))
    per_branch: dict[int, int] = defaultdict(int)
    for org_id, n in counts:
        if org_id in branch_of:
            per_branch[branch_of[org_id]] += n
    return per_branch


def _gap(org: _Org, rule: Rule, detail: str) -> StructureGap:
    return StructureGap(org.id, org.name, rule.text, detail, rule.citation, rule.status.value)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)
