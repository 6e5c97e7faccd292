import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page: Page, site: str, username: str, password: str) -> None:
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


def test_a_unit_clerk_sees_their_unit_and_masked_people(
    page: Page, site: str, demo_password: str, tmp_path: Path
) -> None:
    _log_in(page, site, "finance_clerk", demo_password)
    scope = page.get_by_test_id("scope")
    expect(scope).to_contain_text("县财政局")
    expect(scope).not_to_contain_text("县教育局")
    page.get_by_role("link", name="人员").click()
    rows = page.get_by_test_id("persons").locator("tbody tr")
    expect(rows.first).to_contain_text("县财政局")
    cells = page.get_by_test_id("persons").locator("tbody td:nth-child(5)").all_inner_texts()
    assert cells and all(re.fullmatch(r"\d{6}\*{8}[\dX]{4}", c) for c in cells)
    page.screenshot(path=tmp_path / "persons.png", full_page=True)


def test_the_education_clerk_does_not_see_finance(
    page: Page, site: str, demo_password: str
) -> None:
    _log_in(page, site, "edu_clerk", demo_password)
    expect(page.get_by_test_id("scope")).to_contain_text("县教育局")
    page.get_by_role("link", name="组织").click()
    table = page.get_by_test_id("organizations")
    expect(table).to_contain_text("县教育局机关第一党支部")
    expect(table).not_to_contain_text("县财政局")


def test_the_system_administrator_sees_no_business_pages(
    page: Page, site: str, demo_password: str
) -> None:
    _log_in(page, site, "admin", demo_password)
    expect(page.get_by_test_id("scope")).to_contain_text("不接触业务数据")
    expect(page.get_by_role("link", name="人员")).to_have_count(0)


def test_a_wrong_password_shows_a_chinese_message(page: Page, site: str) -> None:
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill("member")
    page.get_by_label("密码").fill("not-the-password")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("alert")).to_contain_text("用户名或密码不正确")
