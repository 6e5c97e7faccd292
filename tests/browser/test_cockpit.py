"""Each cockpit role signs in, lands on the 领导驾驶舱, sees its charts drawn on canvas with
nothing blocked by the CSP, and a number opens its list filtered to exactly that many rows."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from tests.dashboard.conftest import Built, build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def records(site: str) -> Built:
    return build()


@pytest.fixture
def console_errors(page: Page) -> Iterator[list[str]]:
    """What the CSP blocked (console reports) and any script error on the page."""
    found: list[str] = []

    def note(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            found.append(message.text)

    page.on("console", note)
    page.on("pageerror", lambda error: found.append(str(error)))
    yield found


@pytest.mark.parametrize("username", ["county_head", "vice_head", "inspector",
                                      "finance_secretary"])
def test_a_leader_lands_on_the_cockpit_sees_charts_and_a_number_opens_its_list(
        page: Page, site: str, records: Built, demo_password: str,
        console_errors: list[str], username: str) -> None:
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(demo_password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="领导驾驶舱")).to_be_visible()
    assert page.url.endswith("/cockpit/")
    canvas = page.locator(".chart canvas").first
    expect(canvas).to_be_visible()
    assert (canvas.bounding_box() or {"width": 0})["width"] > 100
    figure = page.locator("a[data-figure]:not([data-count='0'])").first
    count = figure.get_attribute("data-count")
    figure.click()
    expect(page.get_by_test_id("pager")).to_contain_text(f"共 {count} 条")
    assert console_errors == []
