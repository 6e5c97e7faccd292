"""Issue 13 in a browser: the structure report and its export, 走访慰问 coverage with its
"只看未走访" filter, and a 党员's own year on his 工作台."""

from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from dangjian.access.models import User
from dangjian.members import reports
from dangjian.members.services.visits import visit_create
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person
from dangjian.people.services import personal_fields
from tests.browser.signin import sign_in
from tests.members.conftest import new_id_number

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _veteran(name: str) -> Person:
    return Person.objects.create(
        name=name, organization=Organization.objects.get(name="县财政局机关第一党支部"),
        party_status=PartyStatus.FULL_MEMBER, joined_party_on=date(1960, 1, 1),
        **personal_fields(id_number=new_id_number(date(1938, 2, 3))))


def test_the_clerk_reads_the_structure_and_exports_it(
    browser: Browser, site: str, demo_password: str,
) -> None:
    page = sign_in(browser, site, "finance_clerk", demo_password)
    page.get_by_role("link", name="党员队伍结构").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("党员队伍结构")
    total = reports.structure(User.objects.get(username="finance_clerk")).total.counts["total"]
    expect(page.get_by_test_id("structure-shares")).to_contain_text(f"党员 {total} 名")
    expect(page.get_by_test_id("structure-total")).to_contain_text(str(total))
    with page.expect_download() as download:
        page.get_by_test_id("structure-export").click()
    assert download.value.suggested_filename.startswith("党员队伍结构_")


def test_the_clerk_finds_who_was_not_visited(
    browser: Browser, site: str, demo_password: str,
) -> None:
    year = timezone.localdate().year
    visited, missed = _veteran("已慰问老党员"), _veteran("未慰问老党员")
    visit_create(actor=User.objects.get(username="finance_clerk"), person=visited,
                 kind="老党员", campaign="七一", date=date(year, 6, 30), visitors=[],
                 other_visitors="县领导")
    page = sign_in(browser, site, "finance_clerk", demo_password)
    page.get_by_role("link", name="走访慰问覆盖").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"{year}年七一")
    table = page.get_by_test_id("coverage")
    expect(table.get_by_test_id(f"due-{visited.pk}")).to_contain_text(f"{year}-06-30")
    expect(table.get_by_test_id(f"due-{missed.pk}")).to_contain_text("未走访")
    page.get_by_label("只看未走访").check()
    page.get_by_role("button", name="查询").click()
    expect(table.get_by_test_id(f"due-{missed.pk}")).to_be_visible()
    expect(table.get_by_test_id(f"due-{visited.pk}")).to_have_count(0)


def test_the_member_sees_his_own_year_on_his_workbench(
    browser: Browser, site: str, demo_password: str,
) -> None:
    page = sign_in(browser, site, "member", demo_password)
    section = page.get_by_test_id("my-year")
    expect(section).to_contain_text(f"我的{timezone.localdate().year}年")
    expect(section.get_by_test_id("my-attended")).to_contain_text("出席")
    expect(section.get_by_test_id("my-study")).to_contain_text("/ 32 学时")
    expect(section.get_by_test_id("my-party")).to_contain_text("县财政局机关第一党支部")
