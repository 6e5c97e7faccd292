"""A unit's 党务干事 keeps its part of the organisation tree in a browser: adds a 党小组 under a
branch (a refused form keeps what was typed), renames it, registers a person there, and
撤销 a new, empty 党小组."""

import pytest
from playwright.sync_api import Browser, expect

from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from tests.browser.signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_adds_renames_staffs_and_withdraws_a_party_cell(
    browser: Browser, site: str, demo_password: str, committed_demo: None
) -> None:
    branch = Organization.objects.get(name="县财政局机关第一党支部")
    page = sign_in(browser, site, "finance_clerk", demo_password)
    page.goto(f"{site}/organizations/{branch.pk}/")
    page.get_by_role("button", name="新建下级组织").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("新建下级组织")
    page.get_by_label("组织代码（可选）").fill("CZ-01")
    page.get_by_role("button", name="新建").click()
    expect(page.get_by_role("alert")).to_contain_text("请填写名称")
    expect(page.get_by_label("组织代码（可选）")).to_have_value("CZ-01")
    page.get_by_label("名称", exact=True).fill("第一党小组")
    page.get_by_label("组织类型").select_option("党小组")
    page.get_by_role("button", name="新建").click()
    expect(page.get_by_text("已新建组织：第一党小组")).to_be_visible()
    cell = Organization.objects.get(name="第一党小组", parent=branch)

    page.get_by_role("button", name="修改", exact=True).click()
    page.get_by_label("名称", exact=True).fill("机关第一党小组")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已保存组织：机关第一党小组")).to_be_visible()

    page.get_by_role("button", name="新增人员").click()
    page.get_by_label("姓名").fill("林晓")
    page.get_by_label("身份证号").fill("11010519491231002X")
    page.get_by_label("政治面貌").select_option("入党积极分子")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_text("已新增人员：林晓")).to_be_visible()
    expect(page.get_by_test_id("fields")).to_contain_text("110105********002X")
    assert Person.objects.get(name="林晓").organization_id == cell.pk

    page.goto(f"{site}/organizations/{cell.pk}/delete/")
    page.get_by_role("button", name="撤销组织").click()
    expect(page.get_by_role("alert")).to_contain_text("该组织还有成员或关联记录，不能删除")
    Person.objects.filter(name="林晓").delete()
    page.get_by_role("button", name="撤销组织").click()
    expect(page.get_by_text("已撤销组织：机关第一党小组")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(branch.name)
    assert not Organization.objects.filter(pk=cell.pk).exists()
