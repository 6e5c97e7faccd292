"""The layout around every page: the menu by role, the active item, breadcrumbs, the scope line,
the unread badge and the help link."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from dangjian.access.models import User
from dangjian.core.menu import menu_for
from dangjian.notifications.context import unread
from dangjian.notifications.services import notify
from dangjian.web.navigation import scope_line

pytestmark = pytest.mark.django_db

DESK = ["工作台"]
BUSINESS = ["工作台", "主体责任", "督查督办", "监督整改", "组织生活", "党建考核", "党员发展",
            "党务政务公开", "基础数据"]
SECTIONS_BY_USER = {
    "admin": [*DESK, "系统管理"],  # the county's configurable lists (议题标签, 问题台账选项)
    "secadmin": [*DESK, "系统管理"],
    "auditor": [*DESK, "系统管理"],
    # 村集体经济 for those whose scope holds a village (the vice head's through his 包联)
    **{name: [*BUSINESS[:-1], "村集体经济", "基础数据"]
       for name in ["county_head", "vice_head", "inspector", "assessor"]},
    **{name: BUSINESS for name in ["finance_secretary", "finance_clerk", "edu_clerk"]},
    # a plain member is not scored and keeps no assessment (考核) section, nor his unit's 公开
    "member": [s for s in BUSINESS if s not in ("党建考核", "党务政务公开")],
}


def _page(user: User, path: str = "/") -> str:
    client = Client()
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(("username", "expected"), SECTIONS_BY_USER.items())
def test_each_role_sees_exactly_its_sections(
    user: Callable[[str], User], username: str, expected: list[str]
) -> None:
    assert [s.label for s in menu_for(user(username))] == expected


@pytest.mark.parametrize("username", ["admin", "secadmin", "auditor"])
def test_the_three_administrators_see_no_business_page(
    user: Callable[[str], User], username: str
) -> None:
    links = {i.href for s in menu_for(user(username)) for i in s.items}
    assert links <= {"/", "/inbox/", "/audit/", "/security/lockouts/", "/oversight/terms/",
                     "/orglife/agenda-tags/", "/accounts/"}
    html = _page(user(username))
    assert 'href="/oversight/"' not in html and 'href="/persons/"' not in html


def test_only_the_security_administrator_has_the_lockouts_item(
    user: Callable[[str], User],
) -> None:
    def items(name: str) -> list[str]:
        return [i.label for s in menu_for(user(name)) for i in s.items]

    assert "登录锁定" in items("secadmin") and "审计日志" not in items("secadmin")
    assert "审计日志" in items("auditor") and "登录锁定" not in items("auditor")


@pytest.mark.parametrize("username", ["admin", "secadmin", "auditor", "county_head",
                                      "inspector", "finance_clerk"])
def test_only_the_system_administrator_has_the_configurable_lists(
    user: Callable[[str], User], username: str,
) -> None:
    items = [i.label for s in menu_for(user(username)) for i in s.items]
    expected = ["议题标签", "问题台账选项"] if username == "admin" else []
    assert [i for i in items if i in ("议题标签", "问题台账选项")] == expected


def test_the_current_page_is_marked_in_the_sidebar_by_url_prefix(
    user: Callable[[str], User],
) -> None:
    html = _page(user("finance_clerk"), "/members/study/")
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', html) == ["/members/study/"]


def test_the_breadcrumbs_name_the_section_and_the_page(user: Callable[[str], User]) -> None:
    html = _page(user("finance_clerk"), "/orglife/compliance/")
    crumbs = re.search(r'data-testid="breadcrumbs">(.*?)</nav>', html, re.S)
    assert crumbs is not None
    assert re.sub(r"<[^>]+>|\s", "", crumbs.group(1)) == "组织生活“三会一课”落实情况"


def test_the_header_shows_the_scope_in_one_line(user: Callable[[str], User]) -> None:
    assert scope_line(user("admin")) == "不接触业务数据"
    line = scope_line(user("finance_clerk"))
    assert line.endswith("及下级") and "县财政局" in line and "县教育局" not in line
    html = _page(user("finance_clerk"))
    assert f'data-testid="scope-line">查看范围：{line}</p>' in html


def test_the_unread_badge_counts_the_users_unread_notices_in_one_query(
    user: Callable[[str], User], django_assert_num_queries: Any
) -> None:
    clerk = user("edu_clerk")
    for key in ["a", "b", "c"]:
        notify(recipient=clerk, kind="test.notice", title="请报送", body="",
               dedupe_key=f"badge-{key}")
    clerk.notifications.filter(dedupe_key="badge-c").update(read_at=timezone.now())
    request = RequestFactory().get("/")
    request.user = clerk
    context = unread(request)
    with django_assert_num_queries(1):
        assert int(str(context["unread_notifications"])) == 2
    assert 'aria-label="未读消息2条"' in _page(clerk)


def test_the_help_link_opens_the_chapter_of_the_role_at_the_page_section(
    user: Callable[[str], User],
) -> None:
    html = _page(user("inspector"), "/oversight/")
    assert 'href="/help/inspector/#oversight" data-testid="help-link"' in html
    html = _page(user("auditor"), "/audit/")
    assert 'href="/help/audit-admin/#admin" data-testid="help-link"' in html


@pytest.mark.parametrize("username", ["admin", "secadmin", "auditor", "county_head",
                                      "finance_clerk", "member"])
def test_only_the_system_and_security_administrators_have_the_accounts(
    user: Callable[[str], User], username: str,
) -> None:
    items = [i.label for s in menu_for(user(username)) for i in s.items]
    assert ("账户" in items) is (username in ("admin", "secadmin"))
