"""Issue 13: study coverage with zeros, the structure report (优化党员队伍结构) and 走访慰问
coverage, over the caller's scope, as page, xlsx and API."""

import io
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client, override_settings
from openpyxl import load_workbook
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.members import reports, rules, selectors
from dangjian.members.services.study import study_record_create
from dangjian.members.services.visits import visit_create
from dangjian.orgs.models import Organization
from dangjian.people.models import Education, PartyStatus, Person
from dangjian.people.services import personal_fields

from .conftest import new_id_number

pytestmark = pytest.mark.django_db

EDU_BRANCH = "县教育局机关第一党支部"


def _member(org: Organization, name: str, *, joined: date | None = date(2000, 7, 1),
            birth: date = date(1970, 3, 4), status: str = PartyStatus.FULL_MEMBER,
            **facts: Any) -> Person:
    return Person.objects.create(
        name=name, organization=org, party_status=status, joined_party_on=joined,
        **personal_fields(id_number=new_id_number(birth)), **facts)


def _client(account: User) -> Client:
    client = Client()
    client.force_login(account)
    return client


# --- 老党员 ---


def test_party_age_counts_from_the_end_of_probation_to_the_day() -> None:
    # joined 1975-07-01: full member 1976-07-01 (党章 第七条), 党龄满50年 on 2026-07-01
    assert reports.is_veteran(date(1975, 7, 1), date(2026, 7, 1), 50)
    assert not reports.is_veteran(date(1975, 7, 1), date(2026, 6, 30), 50)
    assert not reports.is_veteran(None, date(2026, 7, 1), 50)
    # a 29 February start ends on 28 February (periods.period_end)
    assert reports.is_veteran(date(1972, 2, 29), date(2023, 2, 28), 50)
    assert not reports.is_veteran(date(1972, 2, 29), date(2023, 2, 27), 50)


def test_the_veteran_rule_cites_its_basis_and_marks_the_threshold_local() -> None:
    rule = rules.veteran_member(50)
    assert "党龄满50年" in rule.text and "第七条" in rule.citation
    assert "本县可配置" in rule.citation and rule.status == rules.Status.UNCERTAIN


# --- 学习培训: every member, zeros included ---


def test_a_member_without_any_study_record_shows_zero_hours_and_is_short(
    user: Callable[[str], User], org: Callable[[str], Organization],
) -> None:
    clerk = user("finance_clerk")
    member = user("member").person
    study_record_create(actor=clerk, person=member, kind="轮训", date=date(2026, 5, 1),
                        hours=Decimal(40), topic="党员轮训")
    idle = _member(member.organization, "零学时")
    outside = _member(org(EDU_BRANCH), "外单位零学时")
    applicant = _member(member.organization, "申请人", joined=None,
                        status=PartyStatus.APPLICANT)
    summary = selectors.study_summary(clerk, 2026)
    rows = {t.name: t for t in summary.members}
    assert rows["零学时"].hours == 0 and not rows["零学时"].met
    assert rows[member.name].hours == 40 and rows[member.name].met
    assert outside.name not in rows and applicant.name not in rows
    in_scope = Person.objects.filter(
        organization__path__startswith=org("县财政局").path,
        party_status__in=reports.MEMBER_STATUSES).count()
    assert len(summary.members) == in_scope
    assert summary.members[0].hours == 0  # the shortest first
    html = _client(clerk).get("/members/study/", {"year": 2026}).content.decode()
    assert f"<td>{idle.name}</td>" in html and f"<td>{outside.name}</td>" not in html


def test_a_plain_member_sees_himself_at_zero_and_no_other_person_at_zero(
    user: Callable[[str], User],
) -> None:
    member = user("member")
    _member(member.person.organization, "同支部零学时")
    names = [t.name for t in selectors.study_summary(member, 2026).members]
    assert names == [member.person.name]


# --- 队伍结构 ---


def test_the_structure_counts_every_member_in_scope_once_per_group(
    user: Callable[[str], User], org: Callable[[str], Organization],
) -> None:
    clerk = user("finance_clerk")
    branch = org("县财政局机关第一党支部")
    _member(branch, "老党员甲", joined=date(1960, 3, 1), birth=date(1938, 5, 6),
            education=Education.JUNIOR_OR_BELOW, in_hardship=True)
    _member(branch, "预备党员乙", joined=date(2026, 3, 1), birth=date(2000, 5, 6),
            status=PartyStatus.PROBATIONARY, education=Education.POSTGRADUATE, front_line=True)
    report = reports.structure(clerk)
    members = Person.objects.filter(organization__path__startswith=org("县财政局").path,
                                    party_status__in=reports.MEMBER_STATUSES)
    total = report.total.counts
    assert total["total"] == members.count()
    for group in reports.SHARED_GROUPS:
        keys = [c.key for c in reports.COLUMNS if c.group == group]
        assert sum(total.get(k, 0) for k in keys) == total["total"], group
    assert total["probationary"] == members.filter(
        party_status=PartyStatus.PROBATIONARY).count()
    assert total["veteran"] == sum(
        1 for p in members if reports.is_veteran(p.joined_party_on, date(2026, 12, 3), 50))
    assert total["veteran"] >= 1 and total["hardship"] == members.filter(
        in_hardship=True).count()
    assert total["age:61岁及以上"] >= 1 and total["age:30岁及以下"] >= 1
    assert sum(row.counts["total"] for row in report.organizations) == total["total"]
    row = next(r for r in report.organizations if r.organization_id == branch.pk)
    assert row.counts["total"] == members.filter(organization=branch).count()
    assert not any(r.organization.startswith("县教育局") for r in report.organizations)


def test_the_veteran_threshold_is_the_countys(
    user: Callable[[str], User], org: Callable[[str], Organization],
) -> None:
    clerk = user("finance_clerk")
    _member(org("县财政局机关第一党支部"), "党龄四十年", joined=date(1985, 1, 1))
    before = reports.structure(clerk).total.counts.get("veteran", 0)
    with override_settings(DANGJIAN_MEMBERS={"veteran_party_years": 40}):
        report = reports.structure(clerk)
    assert report.total.counts["veteran"] > before
    assert "党龄满40年" in report.veteran_rule.text


def test_the_structure_page_its_xlsx_and_its_api_agree(
    user: Callable[[str], User], api_as: Callable[[str], APIClient],
) -> None:
    clerk = user("finance_clerk")
    report = reports.structure(clerk)
    html = _client(clerk).get("/members/structure/").content.decode()
    assert f"党员 {report.total.counts['total']} 名" in html
    assert "党内统计公报" in html and "光荣在党50年" in html
    assert "待核实" not in html
    response = _client(clerk).get("/members/structure.xlsx")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1][:3] == ["党组织", "党员总数", "其中预备党员"]
    assert rows[2][0] == "合计" and rows[2][1] == report.total.counts["total"]
    assert len(rows) == 3 + len(report.organizations)
    assert AuditEvent.objects.filter(action="register.export", user=clerk,
                                     after__register="党员队伍结构").exists()
    body = api_as("finance_clerk").get("/api/v1/members/structure/").json()
    assert body["total"]["counts"][0] == report.total.counts["total"]
    assert [c["label"] for c in body["columns"]][:2] == ["党员总数", "其中预备党员"]
    assert len(body["columns"]) == len(body["total"]["counts"])
    # organisations and counts only: no person is named
    assert set(body["organizations"][0]) == {"organization", "organization_name", "counts"}


def test_a_plain_member_counts_only_himself_and_the_three_administrators_are_refused(
    user: Callable[[str], User], api_as: Callable[[str], APIClient],
) -> None:
    assert reports.structure(user("member")).total.counts["total"] == 1
    for username in ("admin", "auditor"):
        assert api_as(username).get("/api/v1/members/structure/").status_code == 403
        assert api_as(username).get("/api/v1/members/visit-coverage/").status_code == 403
        assert _client(user(username)).get("/members/structure/").status_code == 403
        assert _client(user(username)).get("/members/structure.xlsx").status_code == 403
        assert _client(user(username)).get("/members/visits/coverage/").status_code == 403


# --- 走访慰问 coverage ---


@pytest.fixture
def due(user: Callable[[str], User], org: Callable[[str], Organization]) -> dict[str, Person]:
    """In 县财政局: a 老党员 visited at 七一, one visited only at 春节, a member in hardship not
    visited; in 县教育局, a 老党员 nobody in 县财政局 may see."""
    branch = org("县财政局机关第一党支部")
    persons = {
        "visited": _member(branch, "七一已走访", joined=date(1960, 1, 1), birth=date(1938, 1, 2)),
        "spring": _member(branch, "春节已走访", joined=date(1962, 1, 1), birth=date(1940, 1, 2)),
        "needy": _member(branch, "困难未走访", in_hardship=True),
        "young": _member(branch, "普通党员", joined=date(2000, 1, 1)),
        "outside": _member(org(EDU_BRANCH), "外单位老党员", joined=date(1960, 1, 1),
                           birth=date(1938, 1, 3)),
    }
    clerk = user("finance_clerk")
    visit_create(actor=clerk, person=persons["visited"], kind="老党员", campaign="七一",
                 date=date(2026, 6, 28), visitors=[], other_visitors="县领导")
    visit_create(actor=clerk, person=persons["spring"], kind="老党员", campaign="春节",
                 date=date(2026, 1, 25), visitors=[], other_visitors="县领导")
    return persons


def test_coverage_lists_who_was_due_and_who_was_missed(
    user: Callable[[str], User], due: dict[str, Person],
) -> None:
    coverage = reports.visit_coverage(user("finance_clerk"), 2026, "七一")
    rows = {d.person.name: d for d in coverage.due}
    assert rows["七一已走访"].visited_on == date(2026, 6, 28)
    assert rows["春节已走访"].visited_on is None  # a 春节 visit is not a 七一 one
    assert rows["困难未走访"].reasons == ("生活困难党员",)
    assert rows["七一已走访"].reasons == ("老党员",)
    assert "普通党员" not in rows and "外单位老党员" not in rows
    assert {d.person.name for d in coverage.missed} >= {"春节已走访", "困难未走访"}
    assert coverage.due[0].visited_on is None  # the missed first
    spring = reports.visit_coverage(user("finance_clerk"), 2026, "春节")
    assert {d.person.name: d.visited_on for d in spring.due}["春节已走访"] == date(2026, 1, 25)
    last_year = reports.visit_coverage(user("finance_clerk"), 2025, "七一")
    assert {d.person.name: d.visited_on for d in last_year.due}["七一已走访"] is None


def test_coverage_page_and_api_agree_and_refuse_bad_queries(
    user: Callable[[str], User], api_as: Callable[[str], APIClient], due: dict[str, Person],
) -> None:
    client = _client(user("finance_clerk"))
    html = client.get("/members/visits/coverage/", {"year": 2026, "campaign": "七一"}
                      ).content.decode()
    coverage = reports.visit_coverage(user("finance_clerk"), 2026, "七一")
    assert f"未走访 {len(coverage.missed)} 人" in html
    assert "困难未走访" in html and "外单位老党员" not in html
    only_missed = client.get("/members/visits/coverage/", {
        "year": 2026, "campaign": "七一", "missing": "1"}).content.decode()
    assert f'data-testid="due-{due["visited"].pk}"' not in only_missed
    assert f'data-testid="due-{due["needy"].pk}"' in only_missed
    api = api_as("finance_clerk")
    body = api.get("/api/v1/members/visit-coverage/", {"year": 2026, "campaign": "七一"}).json()
    assert body["due_count"] == len(coverage.due) and body["visited_count"] == coverage.visited
    visited = {row["person_name"]: row["visited_on"] for row in body["due"]}
    assert visited["七一已走访"] == "2026-06-28" and visited["困难未走访"] is None
    assert api.get("/api/v1/members/visit-coverage/", {"campaign": "国庆"}).status_code == 400
    assert api.get("/api/v1/members/visit-coverage/", {"year": 99999}).status_code == 400
    # an absurd year on the page falls back to this year rather than failing
    assert client.get("/members/visits/coverage/", {"year": "x"}).status_code == 200


def test_a_plain_member_sees_no_one_elses_coverage(
    user: Callable[[str], User], due: dict[str, Person],
) -> None:
    coverage = reports.visit_coverage(user("member"), 2026, "七一")
    assert all(d.person == user("member").person for d in coverage.due)
    assert coverage.due == []  # the demo member is neither a 老党员 nor in hardship
