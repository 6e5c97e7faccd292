import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from dangjian.access.otp import ensure_demo_devices
from tests.security.totp import totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def admin_site(site: str) -> str:
    """The live site with the demo administrators' shared TOTP device."""
    ensure_demo_devices()
    return site


@pytest.fixture
def csp_violations(page: Page) -> Iterator[list[str]]:
    """Console reports of anything the Content-Security-Policy blocked on the page."""
    found: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.on("console", note)
    yield found


def _enter_password(page: Page, site: str, username: str, password: str) -> None:
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def _log_in(page: Page, site: str, username: str, password: str) -> None:
    _enter_password(page, site, username, password)
    expect(page.get_by_test_id("current-user")).to_be_visible()


def _log_in_with_code(page: Page, site: str, username: str, password: str) -> None:
    _enter_password(page, site, username, password)
    expect(page.get_by_role("heading", name="输入动态口令")).to_be_visible()
    page.get_by_label("动态口令").fill(totp())
    page.get_by_role("button", name="验证并登录").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()


def test_a_unit_clerk_sees_their_unit_and_masked_people(
    page: Page, site: str, demo_password: str, tmp_path: Path
) -> None:
    _log_in(page, site, "finance_clerk", demo_password)
    scope = page.get_by_test_id("scope")
    expect(scope).to_contain_text("县财政局")
    expect(scope).not_to_contain_text("县教育局")
    page.get_by_role("link", name="人员").click()
    rows = page.get_by_test_id("register").locator("tbody tr")
    expect(rows.first).to_contain_text("县财政局")
    cells = page.get_by_test_id("register").locator("tbody td:nth-child(5)").all_inner_texts()
    assert cells and all(re.fullmatch(r"\d{6}\*{8}[\dX]{4}", c) for c in cells)
    page.screenshot(path=tmp_path / "persons.png", full_page=True)


def test_the_education_clerk_does_not_see_finance(
    page: Page, site: str, demo_password: str
) -> None:
    _log_in(page, site, "edu_clerk", demo_password)
    expect(page.get_by_test_id("scope")).to_contain_text("县教育局")
    page.get_by_role("link", name="组织", exact=True).click()
    table = page.get_by_test_id("register")
    expect(table).to_contain_text("县教育局机关第一党支部")
    expect(table).not_to_contain_text("县财政局")


def test_the_system_administrator_sees_no_business_pages(
    page: Page, admin_site: str, demo_password: str
) -> None:
    _log_in_with_code(page, admin_site, "admin", demo_password)
    expect(page.get_by_test_id("scope")).to_contain_text("不接触业务数据")
    expect(page.get_by_role("link", name="人员")).to_have_count(0)


def test_a_wrong_password_shows_a_chinese_message(page: Page, site: str) -> None:
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill("member")
    page.get_by_label("密码").fill("not-the-password")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("alert")).to_contain_text("用户名或密码不正确")


def test_an_administrator_logs_in_with_the_totp_code_and_nothing_breaks_the_csp(
    page: Page, admin_site: str, demo_password: str, csp_violations: list[str],
    tmp_path: Path,
) -> None:
    _enter_password(page, admin_site, "auditor", demo_password)
    expect(page.get_by_role("heading", name="输入动态口令")).to_be_visible()
    page.get_by_label("动态口令").fill(f"{(int(totp()) + 1) % 1_000_000:06d}")
    page.get_by_role("button", name="验证并登录").click()
    expect(page.get_by_role("alert")).to_contain_text("动态口令不正确")
    page.screenshot(path=tmp_path / "otp.png", full_page=True)
    page.get_by_label("动态口令").fill(totp())
    page.get_by_role("button", name="验证并登录").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()
    page.get_by_role("link", name="审计日志").click()
    # the refused code (login.refused) by its Chinese name, in the events table
    expect(page.locator("table")).to_contain_text("登录被拒绝")
    assert csp_violations == []


def test_a_locked_account_is_told_so_in_chinese(page: Page, site: str, demo_password: str) -> None:
    for _ in range(5):
        _enter_password(page, site, "member", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("登录失败次数过多，账号已锁定至")
    _enter_password(page, site, "member", demo_password)
    expect(page.get_by_role("alert")).to_contain_text("账号已锁定")


def test_the_security_administrator_lifts_a_lock_from_the_lockouts_page(
    page: Page, admin_site: str, demo_password: str, tmp_path: Path,
) -> None:
    for _ in range(5):
        _enter_password(page, admin_site, "member", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("账号已锁定")
    _log_in_with_code(page, admin_site, "secadmin", demo_password)
    page.get_by_role("link", name="登录锁定").click()
    locks = page.get_by_test_id("lockouts")
    row = locks.locator("tr", has_text="member")
    expect(row).to_contain_text("127.0.0.1")
    page.screenshot(path=tmp_path / "lockouts.png", full_page=True)
    row.get_by_role("button", name="解除锁定").click()
    expect(locks).to_contain_text("当前没有被锁定的用户名或地址")
    page.get_by_role("button", name="退出").click()
    _log_in(page, admin_site, "member", demo_password)
