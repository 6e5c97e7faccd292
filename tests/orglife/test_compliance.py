"""The compliance report: which branches missed which meetings, citing the 条例."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test.utils import override_settings

from dangjian.orglife.models import Meeting
from dangjian.orglife.rules import LEADING_GROUPS
from dangjian.orglife.services.compliance import ComplianceRow, compliance_report
from dangjian.orgs.models import Organization, OrgKind
from dangjian.orgs.services import organization_create
from dangjian.people.models import PartyStatus, Person, Post, PostTitle

pytestmark = pytest.mark.django_db

LAST_YEAR = 2025
AS_OF = date(2026, 11, 27)


@pytest.fixture
def last_year(record: Callable[..., Meeting]) -> Callable[..., None]:
    """Record one meeting of ``kind`` in each of ``months`` of 2025."""

    def hold(kind: str, months: list[int], **extra: Any) -> None:
        for month in months:
            record(kind=kind, held_on=date(LAST_YEAR, month, 10), **extra)

    return hold


def _rows(root: Organization, year: int, as_of: date = AS_OF) -> dict[str, ComplianceRow]:
    report = compliance_report(root=root, year=year, as_of=as_of)
    return {row.kind: row for row in report.rows if row.organization_id == root.pk}


def test_a_branch_that_missed_months_is_reported_with_the_article(
    branch: Organization, last_year: Callable[..., None],
) -> None:
    last_year("主题党日", [m for m in range(1, 13) if m not in (3, 7)])
    last_year("支部党员大会", [2, 5, 11])  # nothing in the third quarter
    last_year("党课", [1, 4, 8, 10])
    rows = _rows(branch, LAST_YEAR)
    theme = rows["主题党日"]
    assert (theme.required, theme.held, theme.gap) == (12, 10, 2)
    assert theme.missing == ("3月", "7月")
    assert "支部工作条例" in theme.citation
    assembly = rows["支部党员大会"]
    assert (assembly.gap, assembly.missing) == (1, ("第三季度",))
    assert assembly.citation.endswith("第十一条") and assembly.status == "已核实"
    assert rows["党课"].gap == 0 and rows["党课"].status == "待核实"
    assert rows["组织生活会"].missing == ("全年",) and "第十七条" in rows["组织生活会"].citation
    assert rows["民主评议党员"].gap == 1


def test_a_branch_without_a_committee_owes_no_committee_meetings(branch: Organization) -> None:
    assert "支部委员会会议" not in _rows(branch, LAST_YEAR)


def test_a_branch_with_a_committee_owes_one_a_month(branch: Organization,
                                                    members: Callable[..., list[Person]],
                                                    last_year: Callable[..., None]) -> None:
    committee = members(branch)[:3]
    for person in committee:
        Post.objects.create(person=person, organization=branch, title=PostTitle.COMMITTEE_MEMBER,
                            start_on=date(2024, 1, 1))
    last_year("支部委员会会议", list(range(1, 12)), attendees=committee)
    row = _rows(branch, LAST_YEAR)["支部委员会会议"]
    assert (row.required, row.gap, row.missing) == (12, 1, ("12月",))
    assert row.citation.endswith("第十二条")


def test_periods_not_yet_over_are_not_gaps(branch: Organization,
                                           record: Callable[..., Meeting]) -> None:
    record(kind="主题党日", held_on=date(2024, 1, 8))
    rows = _rows(branch, 2024, as_of=date(2024, 3, 15))
    assert (rows["主题党日"].required, rows["主题党日"].held) == (2, 1)  # January, February
    assert rows["主题党日"].missing == ("2月",)
    assert rows["支部党员大会"].required == 0  # the first quarter is still running
    assert rows["组织生活会"].gap == 0  # due by the end of the year


def test_a_meeting_in_a_running_period_counts_as_held(branch: Organization,
                                                      record: Callable[..., Meeting]) -> None:
    record(kind="主题党日", held_on=date(2024, 3, 2))
    theme = _rows(branch, 2024, as_of=date(2024, 3, 15))["主题党日"]
    assert (theme.required, theme.held, theme.missing) == (3, 1, ("1月", "2月"))


def test_the_county_report_lists_each_branch_and_rule_in_a_few_queries(
    org: Callable[[str], Organization], django_assert_max_num_queries: Any,
) -> None:
    county = org("中共示范县委员会")
    with django_assert_max_num_queries(3):  # organisations with rollups, committees, members
        report = compliance_report(root=county, year=LAST_YEAR, as_of=AS_OF)
    # Branches, and the leading groups that owe a yearly 民主生活会 (on by default).
    owing = Organization.objects.filter(path__startswith=county.path,
                                        kind__in=[OrgKind.BRANCH, *LEADING_GROUPS])
    assert {row.organization_id for row in report.rows} == set(owing.values_list("pk",
                                                                                flat=True))
    assert report.organizations_with_gaps == owing.count()  # nobody recorded 2025
    assert all(row.citation for row in report.rows)


@override_settings(DANGJIAN_ORGLIFE={"lecture_period": "MONTH"})
def test_the_lecture_rule_follows_the_local_setting(branch: Organization) -> None:
    lecture = _rows(branch, LAST_YEAR)["党课"]
    assert lecture.required == 12 and lecture.period == "每月"


def test_the_democratic_life_rule_is_on_by_default_and_still_uncertain(
    org: Callable[[str], Organization],
) -> None:
    group = org("县财政局党组")
    assert _rows(group, LAST_YEAR)["民主生活会"].status == "待核实"


@pytest.mark.parametrize("overrides", [{"democratic_life": False},
                                       {"disabled_rules": ["democratic_life"]}])
def test_a_county_may_switch_off_the_democratic_life_rule(
    org: Callable[[str], Organization], overrides: dict,
) -> None:
    with override_settings(DANGJIAN_ORGLIFE=overrides):
        assert "民主生活会" not in _rows(org("县财政局党组"), LAST_YEAR)


def test_party_cells_owe_a_monthly_meeting(branch: Organization) -> None:
    cell = organization_create(actor=None, name="第一党小组", kind=OrgKind.PARTY_CELL,
                               parent=branch)
    rows = _rows(cell, LAST_YEAR)
    assert rows["党小组会"].gap == 12 and rows["党小组会"].citation.endswith("第十三条")


def _structure(root: Organization, on: date = AS_OF) -> dict[str, str]:
    report = compliance_report(root=root, year=on.year, as_of=on)
    return {gap.rule: gap.detail for gap in report.structure if gap.organization_id == root.pk}


def _full_members(branch: Organization, count: int) -> None:
    existing = Person.objects.filter(organization=branch, party_status=PartyStatus.FULL_MEMBER)
    for n in range(count - existing.count()):
        Person.objects.create(
            name=f"党员{n}", gender="女", birth_date=date(1980, 1, 1), organization=branch,
            party_status=PartyStatus.FULL_MEMBER, id_number_encrypted="x",
            id_number_hash=f"full-{branch.pk}-{n}", id_number_masked="x")


def test_a_branch_of_seven_full_members_without_a_committee_is_flagged(
    branch: Organization,
) -> None:
    _full_members(branch, 7)
    flagged = _structure(branch)
    assert any("应当设立支部委员会" in rule for rule in flagged)
    assert "正式党员7名，未设立支部委员会" in flagged.values()


def test_a_committee_past_its_term_is_flagged(branch: Organization,
                                              members: Callable[..., list[Person]]) -> None:
    _full_members(branch, 7)
    for person in members(branch)[:3]:
        Post.objects.create(person=person, organization=branch, title=PostTitle.COMMITTEE_MEMBER,
                            start_on=date(2022, 6, 1))
    details = list(_structure(branch).values())
    assert "支部委员会2022年06月产生，3年任期已于2025年06月01日届满" in details
    assert not any("未设立" in d for d in details)
    assert not any("届满" in d for d in _structure(branch, on=date(2025, 5, 31)).values())


def test_a_village_committee_serves_five_years(org: Callable[[str], Organization],
                                               members: Callable[..., list[Person]]) -> None:
    village_branch = Organization.objects.filter(kind=OrgKind.BRANCH,
                                                 parent__kind=OrgKind.VILLAGE).first()
    assert village_branch is not None
    for person in members(village_branch)[:3]:
        Post.objects.create(person=person, organization=village_branch,
                            title=PostTitle.COMMITTEE_MEMBER, start_on=date(2022, 6, 1))
    assert not any("届满" in d for d in _structure(village_branch).values())


def test_a_branch_of_fewer_than_three_full_members_is_flagged(branch: Organization) -> None:
    full = Person.objects.filter(organization__path__startswith=branch.path,
                                 party_status=PartyStatus.FULL_MEMBER)
    for person in full.order_by("pk")[2:]:
        person.party_status = PartyStatus.PROBATIONARY
        person.save()
    assert "正式党员仅2名" in _structure(branch).values()
