from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_pages_ask_for_a_login_first(client: Client) -> None:
    response = client.get("/persons/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
    login = client.get("/login/").content.decode()
    assert "登录党建平台" in login and 'lang="zh-CN"' in login


def test_a_failed_login_says_so_in_chinese_and_is_audited(client: Client) -> None:
    response = client.post("/login/", {"username": "member", "password": "wrong"})
    assert "用户名或密码不正确" in response.content.decode()
    assert AuditEvent.objects.filter(action="login_failed", username="member").exists()


def test_a_login_and_logout_are_audited(client: Client, demo_password: str) -> None:
    response = client.post("/login/", {"username": "member", "password": demo_password})
    assert response.status_code == 302
    assert client.post("/logout/").status_code == 302
    actions = AuditEvent.objects.filter(username="member").values_list("action", flat=True)
    assert list(actions)[-2:] == ["login", "logout"]


def test_the_home_page_says_who_you_are_and_what_you_cover(
    user: Callable[[str], User],
) -> None:
    html = _signed_in(user("vice_head")).get("/").content.decode()
    assert "分管领导" in html and "县财政局" in html and "县教育局" not in html
    admin_html = _signed_in(user("admin")).get("/").content.decode()
    assert "不接触业务数据" in admin_html and 'href="/persons/"' not in admin_html


def test_the_persons_page_lists_only_the_scope(user: Callable[[str], User]) -> None:
    html = _signed_in(user("edu_clerk")).get("/persons/", {"page_size": 500}).content.decode()
    assert "县教育局" in html and "县财政局" not in html


def test_the_organizations_page_filters_by_subtree(user: Callable[[str], User]) -> None:
    client = _signed_in(user("county_head"))
    finance = user("finance_clerk").grants.get().organization
    html = client.get("/organizations/", {"subtree": finance.pk}).content.decode()
    rows = html.split('data-testid="register"')[1]  # the table (the filter offers all)
    assert "县财政局机关第一党支部" in rows and "县教育局" not in rows


def test_only_the_audit_administrator_opens_the_audit_page(user: Callable[[str], User]) -> None:
    assert _signed_in(user("county_head")).get("/audit/").status_code == 403
    html = _signed_in(user("auditor")).get("/audit/").content.decode()
    assert "审计日志" in html and "载入演示数据" in html  # the code demo.load by its name
    assert ">demo.load<" not in html


def test_a_refused_login_shows_the_red_summary_and_keeps_the_username(client: Client) -> None:
    html = client.post("/login/", {"username": "finance_clerk", "password": "wrong"}
                       ).content.decode()
    assert 'class="form-errors" role="alert"' in html and "用户名或密码不正确" in html
    assert 'value="finance_clerk"' in html
