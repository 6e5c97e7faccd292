"""The two pages that had only server-side tests: the inbox and the audit log."""

import pytest
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.access.otp import ensure_demo_devices
from dangjian.notifications.services import notify
from tests.security.totp import totp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(browser: Browser, site: str, username: str, password: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    return page


def test_a_clerk_reads_a_notice_in_the_inbox_and_marks_it_read(
    browser: Browser, site: str, demo_password: str
) -> None:
    clerk = User.objects.get(username="finance_clerk")
    note = notify(recipient=clerk, kind="test.notice", title="请报送本月进展",
                  body="本月25日前报送", dedupe_key="browser-inbox", link="/tasks/")
    assert note is not None
    page = _sign_in(browser, site, "finance_clerk", demo_password)
    page.get_by_role("link", name="站内信").click()
    expect(page.get_by_test_id("unread-count")).to_have_text("1")
    row = page.get_by_test_id(f"notification-{note.pk}")
    expect(row).to_contain_text("请报送本月进展")
    row.get_by_role("button", name="标为已读").click()
    expect(page.get_by_test_id("unread-count")).to_have_text("0")


def test_the_audit_administrator_sees_the_log_of_a_failed_login(
    browser: Browser, site: str, demo_password: str
) -> None:
    ensure_demo_devices()
    failed = _sign_in(browser, site, "member", "wrong-password")
    expect(failed.get_by_role("alert")).to_contain_text("用户名或密码不正确")
    page = _sign_in(browser, site, "auditor", demo_password)
    page.get_by_label("动态口令").fill(totp())
    page.get_by_role("button", name="验证并登录").click()
    page.get_by_role("link", name="审计日志").click()
    page.get_by_label("事件类型").select_option(label="登录失败")
    page.get_by_role("button", name="查询").click()
    table = page.get_by_test_id("audit-events")
    # The query swaps the results in place (htmx): until it has, the table is the unfiltered
    # log, newest first, whose first row is the auditor's own login. Wait for the swap: no row
    # but failed logins is left.
    expect(table.locator("tbody tr").filter(has_not_text="登录失败")).to_have_count(0)
    expect(table).to_contain_text("member")
    expect(table).to_contain_text("登录失败")  # the code login_failed by its Chinese name
    table.locator("tbody tr").first.get_by_role("link").click()  # one event's page
    expect(page.get_by_role("heading", level=1)).to_contain_text("登录失败")
    expect(page.get_by_test_id("fields")).to_contain_text("member")
    expect(page.get_by_test_id("changes")).to_contain_text("修改后")
