"""The 系统管理员 keeps the county's configurable lists in a browser: adds an 议题标签 and
deactivates a 问题来源 from the 系统管理 menu; a refused form keeps what was typed."""

import pytest
from playwright.sync_api import Browser, expect

from dangjian.orglife.models import AgendaTag
from dangjian.oversight.models import Term
from tests.browser.signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_system_administrator_adds_a_tag_and_deactivates_a_source(
    browser: Browser, site: str, demo_password: str
) -> None:
    page = sign_in(browser, site, "admin", demo_password)
    page.get_by_role("link", name="议题标签").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("议题标签")
    page.get_by_role("button", name="添加标签").click()
    page.get_by_label("标识").fill("Rural")  # refused: lower case only
    page.get_by_label("名称", exact=True).fill("乡村振兴")
    page.get_by_role("button", name="添加").click()
    expect(page.get_by_role("alert")).to_contain_text("标识须为小写英文字母开头")
    expect(page.get_by_label("名称", exact=True)).to_have_value("乡村振兴")
    page.get_by_label("标识").fill("rural_revival")
    page.get_by_role("button", name="添加").click()
    expect(page.get_by_test_id("tag-list")).to_contain_text("乡村振兴")
    assert AgendaTag.objects.get(key="rural_revival").name == "乡村振兴"

    page.get_by_role("link", name="问题台账选项").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("可配置选项")
    audit = Term.objects.get(kind="source", name="审计")
    page.locator(f'a[href="/oversight/terms/{audit.pk}/edit/"]').click()
    page.get_by_label("状态").select_option("0")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已保存：审计")).to_be_visible()
    audit.refresh_from_db()
    assert audit.active is False
