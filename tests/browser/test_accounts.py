"""The 三员 keep the accounts in a browser: the 系统管理员 creates an account from the 系统管理
menu (a refused form keeps what was typed, never the password), the 安全管理员 grants it a
role with its organisation and revokes it again."""

import pytest
from playwright.sync_api import Browser, expect

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.orgs.models import Organization
from tests.browser.signin import sign_in

SEARCH = "输入名称或拼音首字母查找"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_account_is_created_granted_a_role_and_revoked(
    browser: Browser, site: str, demo_password: str
) -> None:
    page = sign_in(browser, site, "admin", demo_password)
    page.get_by_role("link", name="账户", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("账户")
    page.get_by_role("button", name="新建账户").click()
    page.get_by_label("用户名").fill("new_clerk")
    page.get_by_label("显示名称").fill("新干事")
    page.get_by_label("初始密码").fill("weak")
    page.get_by_role("button", name="新建").click()
    expect(page.get_by_role("alert")).to_contain_text("初始密码")
    expect(page.get_by_label("用户名")).to_have_value("new_clerk")
    expect(page.get_by_label("显示名称")).to_have_value("新干事")
    expect(page.get_by_label("初始密码")).to_have_value("")
    page.get_by_label("初始密码").fill("Str0ng!Passw0rd")
    page.get_by_role("button", name="新建").click()
    expect(page.get_by_text("已新建账户：new_clerk")).to_be_visible()
    made = User.objects.get(username="new_clerk")
    assert made.display_name == "新干事" and made.must_change_password
    page.close()

    page = sign_in(browser, site, "secadmin", demo_password)
    page.get_by_role("link", name="账户", exact=True).click()
    page.get_by_label("用户名或姓名").fill("new_clerk")
    page.get_by_role("button", name="查询").click()
    page.get_by_role("link", name="new_clerk").click()
    page.get_by_role("button", name="授予角色").click()
    page.locator("select[name=role]").select_option(Role.UNIT_CLERK)
    page.get_by_role("button", name="授予").click()
    expect(page.get_by_role("alert")).to_contain_text("必须指定范围组织")
    finance = Organization.objects.get(name="县财政局")
    # the 安全管理员 reaches no business scope: the form's own type-ahead offers every unit
    search = page.get_by_test_id("action-form").get_by_role("combobox", name=SEARCH)
    search.press_sequentially("xczj")
    page.locator(".picker-list").get_by_role("option", name="县财政局", exact=False).first.click()
    expect(search).to_have_value("县财政局")
    page.get_by_role("button", name="授予").click()
    expect(page.get_by_text("已授予新干事角色：党务干事（县财政局）")).to_be_visible()
    grant = made.grants.get()
    assert (grant.role, grant.organization_id) == (Role.UNIT_CLERK, finance.pk)

    page.get_by_test_id(f"grant-{grant.pk}").get_by_role("link", name="撤销").click()
    page.get_by_role("button", name="撤销").click()
    expect(page.get_by_text("已撤销新干事的党务干事授权")).to_be_visible()
    assert not made.grants.exists()
