"""Forms and pickers in the browser: a unit picked by typing its pinyin initials and the
keyboard, and a refused form that says what is wrong where (issue 11 items 8, 9)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Finding
from dangjian.oversight.services.findings import finding_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEARCH = "输入名称或拼音首字母查找"


def _as(browser: Browser, site: str, username: str, password: str, path: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next={path}")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()
    return page


def test_the_inspector_picks_a_unit_by_its_pinyin_initials_and_the_keyboard(
    browser: Browser, site: str, demo_password: str
) -> None:
    inspector = _as(browser, site, "inspector", demo_password, "/oversight/findings/new/")
    form = inspector.get_by_test_id("action-form")
    search = form.get_by_role("combobox", name=SEARCH)
    search.click()
    search.press_sequentially("xczj")
    options = form.locator(".picker-list").get_by_role("option")
    expect(options.first).to_contain_text("县财政局")
    search.press("ArrowDown")
    search.press("ArrowUp")
    expect(options.first).to_have_attribute("aria-selected", "true")
    search.press("Enter")  # picks; does not submit
    expect(search).to_have_value("县财政局")
    expect(form.locator(".picker-list")).to_be_hidden()
    form.get_by_label("发现日期").fill(str(timezone.localdate() - timedelta(days=1)))
    form.get_by_label("问题描述").fill("拼音选择的单位：公车私用")
    form.get_by_role("button", name="登记", exact=True).click()
    expect(inspector.get_by_role("alert")).to_contain_text("已登记问题")
    finding = Finding.objects.get(description="拼音选择的单位：公车私用")
    assert finding.organization.name == "县财政局"


def test_escape_closes_the_list_and_keeps_the_unit_chosen(
    browser: Browser, site: str, demo_password: str
) -> None:
    inspector = _as(browser, site, "inspector", demo_password, "/oversight/findings/new/")
    form = inspector.get_by_test_id("action-form")
    search = form.get_by_role("combobox", name=SEARCH)
    before = search.input_value()
    search.fill("xianjiaoyu")  # a prefix of the full pinyin
    expect(form.locator(".picker-list").get_by_role("option").first).to_contain_text("教育")
    search.press("Escape")
    expect(form.locator(".picker-list")).to_be_hidden()
    expect(search).to_have_value(before)


def test_a_refused_measure_shows_a_red_summary_field_messages_and_keeps_the_input(
    browser: Browser, site: str, demo_password: str
) -> None:
    today = timezone.localdate()
    finding = finding_create(
        actor=User.objects.get(username="inspector"),
        organization=Organization.objects.get(name="县财政局"), source="巡察反馈",
        category="资金监管", severity="一般", description="会议费报销不规范",
        discovered_on=today - timedelta(days=3))
    action = f"/oversight/findings/{finding.pk}/measures/new/"
    clerk = _as(browser, site, "finance_clerk", demo_password, action)
    form = clerk.get_by_test_id("action-form")
    form.get_by_label("整改措施").fill("修订会议费管理办法")
    form.get_by_role("button", name="添加").click()

    form = clerk.get_by_test_id("action-form")
    summary = form.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary).to_have_class("form-errors")
    expect(summary.get_by_role("listitem")).to_have_count(2)
    expect(summary.get_by_role("link", name="完成时限")).to_be_visible()
    expect(summary.get_by_role("link", name="完成标准")).to_be_visible()
    color = summary.evaluate("el => getComputedStyle(el).borderTopColor")
    assert color == "rgb(200, 22, 29)"  # red, not a success green
    key = f"measure-{finding.pk}"
    expect(form.locator(f"#{key}-due_on")).to_have_attribute("aria-invalid", "true")
    expect(form.locator(f"#{key}-due_on-error")).to_have_text("请填写完成时限")
    expect(form.locator(f"#{key}-criterion-error")).to_have_text("请填写完成标准")
    expect(form.get_by_label("整改措施")).to_have_value("修订会议费管理办法")
    summary.get_by_role("link", name="完成标准").click()
    expect(form.locator(f"#{key}-criterion")).to_be_in_viewport()
