"""村集体经济 in a browser: the village clerk reports, the township returns it once and then
accepts, the county confirms; the vice head sees his 包联 village read-only."""

import pytest
from playwright.sync_api import Browser, expect

from dangjian.access.models import User
from dangjian.villages.models import Income, IncomeStatus
from tests.browser.signin import sign_in
from tests.conftest import fixed_today

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_report_goes_from_the_village_through_the_township_to_the_county(
    browser: Browser, site: str, demo_password: str, committed_demo: None
) -> None:
    village = User.objects.get(username="village_clerk").grants.get().organization
    clerk = sign_in(browser, site, "village_clerk", demo_password)
    clerk.get_by_role("link", name="集体经济收入").click()
    clerk.get_by_role("button", name="填报集体经济收入").click()
    clerk.get_by_label("经营收入（万元）").fill("-3")
    clerk.get_by_role("button", name="保存并上报乡镇").click()
    expect(clerk.get_by_role("alert")).to_contain_text("经营收入不能为负数")
    clerk.get_by_label("经营收入（万元）").fill("6.5")
    clerk.get_by_label("补助收入（万元）").fill("2")
    clerk.get_by_role("button", name="保存并上报乡镇").click()
    expect(clerk.get_by_text("已上报")).to_be_visible()
    income = Income.objects.get(organization=village, year=fixed_today().year - 1)
    assert income.status == IncomeStatus.REPORTED

    town = sign_in(browser, site, "town_clerk", demo_password)
    town.get_by_role("link", name="乡镇审核").first.click()
    town.get_by_test_id(f"income-{income.pk}").get_by_role("link").first.click()
    town.get_by_test_id("actions").get_by_role("button", name="乡镇审核").click()
    town.get_by_label("审核结论").select_option("return")
    town.get_by_label("审核意见（退回须写理由）").fill("补助收入请附拨款文件")
    town.get_by_role("button", name="提交审核结论").click()
    expect(town.get_by_text("已退回")).to_be_visible()

    clerk.goto(f"{site}/villages/incomes/{income.pk}/submit/")
    clerk.get_by_role("button", name="上报").click()
    town.goto(f"{site}/villages/incomes/{income.pk}/verify/")
    town.get_by_label("审核结论").select_option("accept")
    town.get_by_role("button", name="提交审核结论").click()
    expect(town.get_by_text("已审核通过")).to_be_visible()

    county = sign_in(browser, site, "county_clerk", demo_password)
    county.goto(f"{site}/villages/incomes/{income.pk}/")
    county.get_by_test_id("actions").get_by_role("button", name="县核定").click()
    county.get_by_role("button", name="核定（核定后锁定）").click()
    expect(county.get_by_text("已核定")).to_be_visible()
    income.refresh_from_db()
    assert income.status == IncomeStatus.CONFIRMED

    vice = sign_in(browser, site, "vice_head", demo_password)
    vice.get_by_role("link", name="我的包联村").click()
    expect(vice.get_by_test_id(f"linked-{village.pk}")).to_contain_text("8.50")
