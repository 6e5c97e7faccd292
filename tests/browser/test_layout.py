"""The layout in a browser: 1366×768 without sideways scrolling, the phone-width menu, printing,
and the user manual's screenshots (one per role, taken here)."""

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESK_PAGES = ["/", "/inbox/", "/duties/", "/tasks/", "/oversight/", "/orglife/",
              "/orglife/compliance/", "/members/", "/members/study/", "/members/visits/",
              "/organizations/", "/persons/"]
# One screenshot per role for its manual chapter: who, which page.
ROLE_SHOTS = [
    ("county_head", "/", "county-leader-home"),
    ("vice_head", "/tasks/", "vice-head-tasks"),
    ("inspector", "/oversight/", "inspector-oversight"),
    ("finance_secretary", "/duties/", "unit-secretary-duties"),
    ("finance_clerk", "/orglife/", "unit-clerk-orglife"),
    ("member", "/", "member-home"),
    ("admin", "/", "system-admin-home"),
    ("secadmin", "/security/lockouts/", "security-admin-lockouts"),
    ("auditor", "/audit/", "audit-admin-audit"),
]


def _overflow(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


@pytest.mark.parametrize("username", ["finance_clerk", "county_head"])
def test_the_desk_pages_fit_a_1366_screen_without_sideways_scrolling(
    browser: Browser, site: str, demo_password: str, username: str
) -> None:
    page = sign_in(browser, site, username, demo_password)
    too_wide = {}
    for path in DESK_PAGES:
        page.goto(f"{site}{path}")
        if _overflow(page) > 0:
            too_wide[path] = _overflow(page)
    assert too_wide == {}


@pytest.mark.parametrize(("username", "path", "shot"), ROLE_SHOTS)
def test_each_role_lands_in_its_menu_and_is_photographed_for_the_manual(
    browser: Browser, site: str, demo_password: str, manual_shot: Callable[[Page, str], Path],
    username: str, path: str, shot: str,
) -> None:
    page = sign_in(browser, site, username, demo_password)
    page.goto(f"{site}{path}")
    current = page.locator('.sidebar a[aria-current="page"]')
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("href", path)
    expect(page.get_by_test_id("scope-line")).to_contain_text("查看范围：")
    assert _overflow(page) <= 0
    assert manual_shot(page, shot).stat().st_size > 0


def test_at_phone_width_the_menu_folds_behind_a_button(
    browser: Browser, site: str, demo_password: str, manual_shot: Callable[[Page, str], Path],
) -> None:
    page = sign_in(browser, site, "finance_clerk", demo_password,
                    viewport={"width": 390, "height": 844})
    menu = page.get_by_role("navigation", name="主菜单")
    expect(menu).to_be_hidden()
    page.get_by_role("button", name="菜单").click()
    expect(menu).to_be_visible()
    manual_shot(page, "phone-menu")
    menu.get_by_role("link", name="问题整改").click()
    expect(page).to_have_url(f"{site}/oversight/")
    assert _overflow(page) <= 0


def test_printing_shows_the_table_without_menu_header_or_buttons(
    browser: Browser, site: str, demo_password: str
) -> None:
    page = sign_in(browser, site, "finance_clerk", demo_password)
    page.goto(f"{site}/persons/")
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="主菜单")).to_be_hidden()
    expect(page.get_by_test_id("current-user")).to_be_hidden()
    expect(page.get_by_role("button", name="打印")).to_be_hidden()
    expect(page.get_by_role("button", name="查询")).to_be_hidden()
    expect(page.get_by_test_id("register")).to_be_visible()
    table = page.get_by_test_id("register").bounding_box()
    assert table is not None and table["width"] > 0.9 * page.viewport_size["width"]  # type: ignore[index]


def test_the_print_button_opens_the_print_dialog(
    browser: Browser, site: str, demo_password: str
) -> None:
    page = sign_in(browser, site, "finance_clerk", demo_password)
    page.goto(f"{site}/organizations/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="打印").click()
    assert page.evaluate("window.printed === true")


def test_the_help_link_opens_the_manual_at_the_pages_section(
    browser: Browser, site: str, demo_password: str
) -> None:
    page = sign_in(browser, site, "finance_clerk", demo_password)
    page.goto(f"{site}/oversight/")
    page.get_by_test_id("help-link").click()
    expect(page).to_have_url(f"{site}/help/unit-clerk/#oversight")
    expect(page.locator("#oversight")).to_have_text("监督整改")
    expect(page.locator(".manual-body img").first).to_be_visible()
