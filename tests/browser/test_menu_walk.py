"""Every role walks its whole menu in a browser (issue 11): each item opens a page whose menu
marks it as the current one, with a heading and no sideways scrolling at 1366×768; each
register's list page opens one of its records, whose detail page shows the 办理记录."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.oversight.services.findings import finding_create
from dangjian.oversight.services.measures import measure_create
from tests.browser.signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.sweep, pytest.mark.django_db(transaction=True)]

ROLES = ["county_head", "vice_head", "inspector", "finance_secretary", "finance_clerk",
         "member", "assessor", "admin", "secadmin", "auditor"]
# Leaders, inspectors and unit secretaries land on the cockpit (领导驾驶舱), others on the 工作台.
COCKPIT = {"county_head", "vice_head", "inspector", "finance_secretary"}
# 议题标签 and 问题台账选项: settings, in the 系统管理员's menu only.
CONFIGURABLE_LISTS = {"/orglife/agenda-tags/", "/oversight/terms/"}
# A register's list page links its rows to detail pages under the same path.
DETAIL = re.compile(r"^/[\w-]+/(?:[\w-]+/)?\d+/$")


def _signed_in(browser: Browser, site: str, username: str, password: str) -> Page:
    page = sign_in(browser, site, username, password, {"width": 1366, "height": 768})
    landing = "/cockpit/" if username in COCKPIT else "/"
    assert page.url == f"{site}{landing}", (username, page.url)
    return page


def _menu(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        "aside.sidebar nav a", "links => links.map(a => a.getAttribute('href'))")


def _walk(page: Page, site: str, href: str, details: dict[str, str]) -> list[str]:
    problems = []
    response = page.goto(site + href)
    where = f"{href}"
    if response is None or response.status >= 400:
        return [f"{where}: {response.status if response else 'no response'}"]
    current = page.eval_on_selector_all("aside.sidebar a[aria-current='page']",
                                        "links => links.map(a => a.getAttribute('href'))")
    if current != [href]:
        problems.append(f"{where}: the menu marks {current}")
    if not page.locator("main h1").count():
        problems.append(f"{where}: no heading")
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1"):
        problems.append(f"{where}: wider than the screen")
    table = page.locator("table[data-testid='register']")
    if table.count() and href not in details:
        links = table.first.locator("tbody a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))")
        own = [link for link in links if link and DETAIL.match(link.split("?")[0])
               and link.startswith(href.split("?")[0])]
        if own:
            details[href] = own[0]
    return problems


def _detail(page: Page, site: str, href: str) -> list[str]:
    response = page.goto(site + href)
    if response is None or response.status >= 400:
        return [f"{href}: {response.status if response else 'no response'}"]
    if not page.get_by_role("heading", name="办理记录").count():
        return [f"{href}: no 办理记录"]
    return []


@pytest.fixture
def finding_with_measure(site: str) -> None:
    """The demo holds no findings: one, with a measure, for the oversight registers."""
    today = timezone.localdate()
    clerk = User.objects.get(username="finance_clerk")
    finding = finding_create(
        actor=User.objects.get(username="inspector"),
        organization=Organization.objects.get(name="县财政局"), source="巡察反馈",
        category="资金监管", severity="较重", description="专项资金拨付未经集体研究",
        discovered_on=today - timedelta(days=3))
    measure_create(actor=clerk, finding=finding, description="建立集体审批制度",
                   owner=clerk.person, due_on=today + timedelta(days=30),
                   criterion="制度印发并执行")


def test_every_role_walks_its_menu_and_opens_a_record_of_each_register(
    browser: Browser, site: str, demo_password: str, finding_with_measure: None,
) -> None:
    problems: list[str] = []
    opened: set[str] = set()  # list pages whose records some role opened
    walked: dict[str, int] = {}
    lists: dict[str, set[str]] = {}  # the configurable lists each role's menu offers
    for username in ROLES:
        page = _signed_in(browser, site, username, demo_password)
        menu = _menu(page)
        walked[username] = len(menu)
        lists[username] = set(menu) & CONFIGURABLE_LISTS
        details: dict[str, str] = {}  # list page → one of its records this role sees
        for href in menu:
            problems += [f"{username} {line}" for line in _walk(page, site, href, details)]
        for listed, href in details.items():
            problems += [f"{username} {line}" for line in _detail(page, site, href)]
            opened.add(listed)
        page.close()
    assert not problems, "\n".join(problems)
    # The business roles see the registers, the 三员 only their own pages.
    assert walked["county_head"] > 15 and walked["admin"] < 6  # 首页、站内信、账户 and 2 lists
    # The county's configurable lists are the 系统管理员's, walked like any page.
    assert lists == {u: CONFIGURABLE_LISTS if u == "admin" else set() for u in ROLES}
    registers = {"/oversight/findings/", "/oversight/measures/", "/orglife/meetings/",
                 "/organizations/", "/persons/", "/assessment/schemes/", "/assessment/scores/",
                 "/accounts/"}  # the 三员's accounts list, opened by its 用户名
    assert registers <= opened, sorted(opened)
