"""The pages: the clerk's report form, the township's queue, the county table, 我的包联村; each
refuses what the API refuses, with the same message."""

from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.orgs.models import Organization
from dangjian.villages.models import Income, IncomeStatus, Village
from tests.conftest import fixed_today

pytestmark = pytest.mark.django_db
LAST_YEAR = fixed_today().year - 1


def _report(client: Client, village: Organization, then: str = "submit", **amounts: str
            ) -> Income | None:
    client.post("/villages/incomes/new/", {
        "organization": village.pk, "year": LAST_YEAR, "then": then,
        **(amounts or {"operating": "8.20", "subsidy": "1.5"})})
    return Income.objects.filter(organization=village, year=LAST_YEAR).first()


def test_the_clerk_reports_the_township_returns_and_accepts_the_county_confirms(
        page_as: Callable[[str], Client], village: Organization) -> None:
    clerk = page_as("village_clerk")
    form = clerk.get("/villages/incomes/new/")
    assert form.status_code == 200
    assert village.name in form.content.decode()
    income = _report(clerk, village)
    assert income is not None and income.status == IncomeStatus.REPORTED
    town = page_as("town_clerk")
    queue = town.get("/villages/incomes/", {"status": IncomeStatus.REPORTED}).content.decode()
    assert f"income-{income.pk}" in queue
    refused = town.post(f"/villages/incomes/{income.pk}/verify/",
                        {"decision": "return", "comment": "", "version": income.version},
                        follow=True)
    assert "退回须写明理由" in refused.content.decode()
    income.refresh_from_db()
    assert income.status == IncomeStatus.REPORTED
    town.post(f"/villages/incomes/{income.pk}/verify/",
              {"decision": "return", "comment": "补助收入缺凭证", "version": income.version})
    income.refresh_from_db()
    assert income.status == IncomeStatus.RETURNED and income.comment == "补助收入缺凭证"
    clerk.post(f"/villages/incomes/{income.pk}/edit/",
               {"version": income.version, "operating": "8.20", "subsidy": "1.00"})
    income.refresh_from_db()
    clerk.post(f"/villages/incomes/{income.pk}/submit/", {"version": income.version})
    income.refresh_from_db()
    town.post(f"/villages/incomes/{income.pk}/verify/",
              {"decision": "accept", "version": income.version})
    income.refresh_from_db()
    assert income.status == IncomeStatus.VERIFIED
    page_as("county_clerk").post(f"/villages/incomes/{income.pk}/confirm/",
                                 {"version": income.version})
    income.refresh_from_db()
    assert income.status == IncomeStatus.CONFIRMED
    assert str(income.total) == "9.20"


def test_the_village_clerk_is_refused_the_verification_page_with_the_apis_reason(
        page_as: Callable[[str], Client], village: Organization) -> None:
    income = _report(page_as("village_clerk"), village)
    assert income is not None
    page = page_as("village_clerk").get(f"/villages/incomes/{income.pk}/verify/")
    assert page.status_code == 403
    assert "仅所属乡镇的党务干事或书记可以审核村集体经济收入" in page.content.decode()


def test_a_department_clerk_gets_no_report_form(page_as: Callable[[str], Client]) -> None:
    page = page_as("finance_clerk").get("/villages/incomes/new/")
    assert page.status_code == 403
    assert "仅本村（社区）或上级的党务干事、书记可以填报村集体经济" in page.content.decode()


def test_a_bad_amount_comes_back_on_its_field_and_nothing_is_saved(
        page_as: Callable[[str], Client], village: Organization) -> None:
    clerk = page_as("village_clerk")
    assert _report(clerk, village, operating="-1") is None
    page = clerk.get("/villages/incomes/new/").content.decode()
    assert "经营收入不能为负数" in page


def test_reporting_twice_in_a_row_keeps_one_record(
        page_as: Callable[[str], Client], village: Organization) -> None:
    clerk = page_as("village_clerk")
    _report(clerk, village, then="")
    _report(clerk, village, then="")
    assert Income.objects.filter(organization=village, year=LAST_YEAR).count() == 1
    assert "已填报" in clerk.get("/villages/incomes/new/").content.decode()


def test_an_income_out_of_scope_is_not_found(page_as: Callable[[str], Client],
                                             village: Organization) -> None:
    other = Income.objects.exclude(organization__path__startswith=village.path[:8]).first()
    assert other is not None
    assert page_as("town_clerk").get(f"/villages/incomes/{other.pk}/verify/").status_code == 404


def test_the_county_table_lists_the_shell_villages_and_the_declines(
        page_as: Callable[[str], Client]) -> None:
    page = page_as("county_head").get("/villages/summary/", {"year": LAST_YEAR})
    assert page.status_code == 200
    html = page.content.decode()
    assert "空壳村名单" in html and "收入下降的村" in html and "分乡镇" in html


def test_the_three_administrators_get_no_county_table(page_as: Callable[[str], Client]) -> None:
    assert page_as("admin").get("/villages/summary/").status_code == 403


def test_a_vice_head_sees_his_linked_villages_and_no_write_action(
        page_as: Callable[[str], Client], village: Organization) -> None:
    vice = page_as("vice_head")
    page = vice.get("/villages/mine/").content.decode()
    assert f"linked-{village.pk}" in page
    income = Income.objects.filter(organization=village).first()
    assert income is not None
    detail = vice.get(f"/villages/incomes/{income.pk}/").content.decode()
    assert "/edit/" not in detail and "/verify/" not in detail and "/submit/" not in detail
    assert vice.get(f"/villages/incomes/{income.pk}/edit/").status_code == 403


def test_the_clerk_keeps_the_village_profile_and_a_bad_credit_code_is_refused(
        page_as: Callable[[str], Client], village: Organization) -> None:
    clerk = page_as("village_clerk")
    url = f"/villages/{village.pk}/profile/"
    assert clerk.get(url).status_code == 200
    values = {"kind": "村", "population": "1200", "households": "400",
              "collective_name": "示范股份经济合作社", "credit_code": "91350100M000100Y43"}
    clerk.post(url, {**values, "credit_code": "91350100M000100Y44"})
    assert Village.objects.get(organization=village).credit_code == ""
    assert "校验位不正确" in clerk.get(url).content.decode()
    clerk.post(url, values)
    profile = Village.objects.get(organization=village)
    assert profile.credit_code == "91350100M000100Y43" and profile.population == 1200
    assert page_as("vice_head").get(url).status_code == 403  # reads, never writes
