"""回头看 and 廉政风险点 through the pages (issue 13, items 9 and 14)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Finding, Recheck, RiskPoint
from dangjian.oversight.models.findings import FindingStatus
from dangjian.oversight.services.findings import finding_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(browser: Browser, site: str, username: str, password: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next=/oversight/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="监督整改")).to_be_visible()
    return page


def test_the_inspector_finds_a_recheck_on_his_workbench_and_records_a_relapse(
    browser: Browser, site: str, demo_password: str,
) -> None:
    today = timezone.localdate()
    finding = finding_create(
        actor=User.objects.get(username="inspector"),
        organization=Organization.objects.get(name="县财政局"), source="巡察反馈",
        category="资金监管", severity="较重", description="公务卡报销审核流于形式",
        discovered_on=today - timedelta(days=150))
    Finding.objects.filter(pk=finding.pk).update(
        status=FindingStatus.CLOSED, closed_on=today - timedelta(days=95),
        recheck_on=today - timedelta(days=2))
    inspector = _as(browser, site, "inspector", demo_password)
    inspector.goto(f"{site}/")
    inspector.get_by_role("link", name="问题待回头看").click()
    expect(inspector.get_by_text("公务卡报销审核流于形式").first).to_be_visible()
    inspector.goto(f"{site}/oversight/findings/{finding.pk}/")
    inspector.get_by_test_id("actions").get_by_role("button", name="回头看").click()
    inspector.get_by_label("结果").select_option("反弹")
    inspector.get_by_role("button", name="登记回头看").click()
    expect(inspector.get_by_role("alert")).to_contain_text("反弹情况")  # the note is required
    inspector.get_by_label("情况说明").fill("又发现三笔报销无审核签字")
    inspector.get_by_role("button", name="登记回头看").click()
    expect(inspector.get_by_role("alert").first).to_contain_text("屡查屡犯")
    relapse = Recheck.objects.get(finding=finding).relapse
    assert relapse is not None and relapse.repeat_of_id == finding.pk
    expect(inspector).to_have_url(f"{site}/oversight/findings/{relapse.pk}/")
    expect(inspector.get_by_test_id("fields")).to_contain_text("又发现三笔报销无审核签字")


def test_a_clerk_registers_and_edits_a_risk_point(
    browser: Browser, site: str, demo_password: str,
) -> None:
    clerk = _as(browser, site, "finance_clerk", demo_password)
    clerk.goto(f"{site}/oversight/risk-points/")
    clerk.get_by_role("button", name="登记廉政风险点").click()
    clerk.get_by_label("单位").select_option(label="县财政局")
    clerk.get_by_label("岗位").fill("国库支付岗")
    clerk.get_by_label("风险领域").select_option("公共财政支出")
    clerk.get_by_label("风险描述").fill("国库集中支付审核不严")
    clerk.get_by_label("风险等级").select_option("高")
    clerk.get_by_label("防控措施").fill("双人复核、系统留痕")
    clerk.get_by_label("复核日期").fill(str(timezone.localdate() + timedelta(days=180)))
    clerk.get_by_role("button", name="登记", exact=True).click()
    expect(clerk.get_by_role("alert")).to_contain_text("已登记廉政风险点")
    point = RiskPoint.objects.get(post="国库支付岗")
    expect(clerk).to_have_url(f"{site}/oversight/risk-points/{point.pk}/")
    clerk.get_by_test_id("actions").get_by_role("button", name="修改").click()
    expect(clerk.get_by_label("风险描述")).to_have_value("国库集中支付审核不严")
    clerk.get_by_label("风险等级").select_option("中")
    clerk.get_by_role("button", name="保存修改").click()
    expect(clerk.get_by_role("alert")).to_contain_text("已修改廉政风险点")
    expect(clerk.get_by_test_id("fields")).to_contain_text("中")
    point.refresh_from_db()
    assert point.level == "中"
