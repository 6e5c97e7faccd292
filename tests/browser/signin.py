"""Signing in through the login page, as every browser test does: the 三员 always give their
second factor (the demo devices' TOTP)."""

from playwright.sync_api import Browser, Page, expect

from dangjian.access.otp import ensure_demo_devices
from tests.browser.manual import VIEWPORT
from tests.security.totp import totp

ADMINISTRATORS = {"admin", "secadmin", "auditor"}


def sign_in(browser: Browser, site: str, username: str, password: str,
            viewport: dict[str, int] = VIEWPORT) -> Page:
    if username in ADMINISTRATORS:
        ensure_demo_devices()
    page = browser.new_page(viewport=viewport)  # type: ignore[arg-type]
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    if username in ADMINISTRATORS:
        page.get_by_label("动态口令").fill(totp())
        page.get_by_role("button", name="验证并登录").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()
    return page
