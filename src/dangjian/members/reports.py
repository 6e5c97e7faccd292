"""优化党员队伍结构 (the structure of the membership) and 走访慰问 coverage (who should have been
visited at 七一 or 春节 and was not), always over the caller's scope (access.scoping).

The structure report counts and names no one; the coverage list names the members due a visit,
which only a role that sees their person record sees (``restrict`` on ``Person``).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone

from dangjian.access.scoping import restrict
from dangjian.core.citations import Rule
from dangjian.people.models import Education, Gender, PartyStatus, Person

from . import rules
from .models import Visit, VisitCampaign
from .periods import period_end

NO_BUSINESS_DATA = "您的角色不接触业务数据（三员分立），无党员统计可看"
MEMBER_STATUSES = (PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY)
NOT_RECORDED = "未填写"


def party_age_start(joined: date) -> date:
    """党龄 counts from the end of the one-year 预备期 (党章 第七条); an extended probation is
    not on the person's record, so a member whose probation was extended counts from a year."""
    return period_end(joined, rules.PROBATION_MONTHS)


def is_veteran(joined: date | None, on: date, years: int) -> bool:
    """老党员 on ``on``: 党龄满 ``years`` 年."""
    return joined is not None and period_end(party_age_start(joined), years * 12) <= on


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_band(age: int) -> str:
    for label, upper in rules.AGE_BANDS:
        if upper is None or age <= upper:
            return label
    raise AssertionError("the last band is open")  # pragma: no cover


# --- 队伍结构 ---


@dataclass(frozen=True)
class Column:
    key: str
    group: str  # 性别, 年龄, 学历 …
    label: str


FRONT_LINE, OTHER_POST = "一线或关键岗位", "其他岗位"
COLUMNS: tuple[Column, ...] = (
    Column("total", "合计", "党员总数"),
    Column("probationary", "合计", "其中预备党员"),
    *(Column(f"gender:{g}", "性别", g) for g in Gender.values),
    *(Column(f"age:{label}", "年龄", label) for label, _ in rules.AGE_BANDS),
    *(Column(f"education:{e}", "学历", e) for e in [*Education.values, NOT_RECORDED]),
    Column("post:front", "岗位", FRONT_LINE),
    Column("post:other", "岗位", OTHER_POST),
    Column("veteran", "关怀对象", "老党员"),
    Column("hardship", "关怀对象", "生活困难党员"),
)
# The groups whose columns add up to the total: their shares are shown.
SHARED_GROUPS = ("性别", "年龄", "学历", "岗位")


def _keys_of(row: Mapping[str, Any], on: date, veteran_years: int) -> list[str]:
    keys = ["total", f"gender:{row['gender']}",
            f"age:{age_band(age_on(row['birth_date'], on))}",
            f"education:{row['education'] or NOT_RECORDED}",
            "post:front" if row["front_line"] else "post:other"]
    if row["party_status"] == PartyStatus.PROBATIONARY:
        keys.append("probationary")
    if is_veteran(row["joined_party_on"], on, veteran_years):
        keys.append("veteran")
    if row["in_hardship"]:
        keys.append("hardship")
    return keys


@dataclass
class StructureRow:
    organization_id: int | None
    organization: str
    counts: dict[str, int] = field(default_factory=dict)

    def cells(self) -> list[int]:
        return [self.counts.get(column.key, 0) for column in COLUMNS]


@dataclass(frozen=True)
class Share:
    group: str
    label: str
    count: int
    percent: str  # "12.5" of the total; "—" when there are no members


@dataclass(frozen=True)
class Structure:
    as_of: date
    total: StructureRow
    organizations: list[StructureRow]
    veteran_rule: Rule
    age_rule: Rule

    def shares(self) -> list[Share]:
        total = self.total.counts.get("total", 0)
        return [Share(column.group, column.label, self.total.counts.get(column.key, 0),
                      f"{100 * self.total.counts.get(column.key, 0) / total:.1f}" if total
                      else "—")
                for column in COLUMNS if column.group in (*SHARED_GROUPS, "关怀对象")]


def structure(user: Any, on: date | None = None) -> Structure:
    """The full and probationary members in ``user``'s scope on ``on`` (today), by sex, age
    band, 学历, post and care, in total and per organisation (their branch)."""
    on = on or timezone.localdate()
    years = rules.local_settings().veteran_party_years
    members = restrict(Person.objects.filter(party_status__in=MEMBER_STATUSES), user)
    total = StructureRow(None, "合计")
    by_org: dict[int, StructureRow] = {}
    paths: dict[int, str] = {}
    for row in members.order_by().values(
            "organization_id", "organization__name", "organization__path", "gender",
            "birth_date", "education", "front_line", "in_hardship", "joined_party_on",
            "party_status"):
        org_id = row["organization_id"]
        org = by_org.setdefault(org_id, StructureRow(org_id, row["organization__name"]))
        paths[org_id] = row["organization__path"]
        for key in _keys_of(row, on, years):
            total.counts[key] = total.counts.get(key, 0) + 1
            org.counts[key] = org.counts.get(key, 0) + 1
    ordered = [by_org[org_id] for org_id in sorted(by_org, key=paths.__getitem__)]
    return Structure(on, total, ordered, rules.veteran_member(years), rules.AGE_BANDS_RULE)


# --- 走访慰问 coverage ---

CAMPAIGNS = (VisitCampaign.JULY_FIRST, VisitCampaign.SPRING_FESTIVAL)
VETERAN, NEEDY = "老党员", "生活困难党员"


@dataclass(frozen=True)
class Due:
    person: Person
    reasons: tuple[str, ...]
    visited_on: date | None


@dataclass(frozen=True)
class Coverage:
    year: int
    campaign: str
    on: date  # the day 老党员 is judged on: 七月一日, or 春节 (taken as 1 February)
    due: list[Due]
    veteran_rule: Rule
    visit_rule: Rule

    @property
    def visited(self) -> int:
        return sum(1 for d in self.due if d.visited_on)

    @property
    def missed(self) -> list[Due]:
        return [d for d in self.due if not d.visited_on]


def campaign_day(year: int, campaign: str) -> date:
    """The day a campaign's 老党员 are counted on. 春节 moves with the lunar calendar; its
    visits run in January and February, so 1 February stands for it."""
    return date(year, 7, 1) if campaign == VisitCampaign.JULY_FIRST else date(year, 2, 1)


def visit_coverage(user: Any, year: int, campaign: str) -> Coverage:
    """The members in ``user``'s scope due a visit in ``campaign`` of ``year`` (老党员 on the
    campaign's day, and members in hardship), each with the day they were visited, if at all.
    Members not visited come first."""
    if campaign not in CAMPAIGNS:
        raise ValueError(campaign)
    on = campaign_day(year, campaign)
    years = rules.local_settings().veteran_party_years
    # A few days' slack before the exact check: period_end at month ends (2月29日).
    joined_by = period_end(on, -(years + 1) * 12) + timedelta(days=3)
    candidates = restrict(Person.objects.filter(party_status__in=MEMBER_STATUSES).filter(
        Q(in_hardship=True) | Q(joined_party_on__lte=joined_by)), user).select_related(
        "organization")
    due: list[tuple[Person, tuple[str, ...]]] = []
    for person in candidates:
        reasons = tuple(reason for reason, holds in (
            (VETERAN, is_veteran(person.joined_party_on, on, years)),
            (NEEDY, person.in_hardship)) if holds)
        if reasons:
            due.append((person, reasons))
    visits: dict[int, date] = {}
    for person_id, day in Visit.objects.filter(
            person_id__in=[p.pk for p, _ in due], campaign=campaign,
            date__year=year).values_list("person_id", "date").order_by("date"):
        visits.setdefault(person_id, day)
    rows = [Due(person, reasons, visits.get(person.pk)) for person, reasons in due]
    rows.sort(key=lambda d: (d.visited_on is not None, d.person.organization.path,
                             d.person.name, d.person.pk))
    return Coverage(year, campaign, on, rows, rules.veteran_member(years), rules.NEEDY_VISITS)


def campaign_or_default(value: str | None) -> str:
    """The campaign asked for, else the latest one whose day has come (七一 from July on)."""
    if value in CAMPAIGNS:
        return str(value)
    today = timezone.localdate()
    july = campaign_day(today.year, VisitCampaign.JULY_FIRST)
    return VisitCampaign.JULY_FIRST if today >= july else VisitCampaign.SPRING_FESTIVAL
