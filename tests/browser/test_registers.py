"""The organisation and person registers in a browser: filter the list, open a record."""

import pytest
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.people.models import Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(browser: Browser, site: str, username: str, password: str, path: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next={path}")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    return page


def test_a_leader_filters_the_organisations_and_opens_one(
    browser: Browser, site: str, demo_password: str,
) -> None:
    page = _as(browser, site, "county_head", demo_password, "/organizations/")
    expect(page.get_by_role("heading", name="组织", exact=True)).to_be_visible()
    page.get_by_role("textbox", name="名称").fill("县财政局")
    page.get_by_role("button", name="查询").click()
    table = page.get_by_test_id("register")
    expect(table).to_contain_text("县财政局机关第一党支部")
    expect(table).not_to_contain_text("县教育局")
    table.get_by_role("link", name="县财政局", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("县财政局")
    expect(page.get_by_role("heading", name="下级组织")).to_be_visible()
    expect(page.get_by_role("heading", name="分管领导")).to_be_visible()
    expect(page.get_by_test_id("fields")).to_contain_text("党员数")


def test_a_clerk_opens_a_person_masked_and_a_secretary_unmasks(
    browser: Browser, site: str, demo_password: str,
) -> None:
    person = User.objects.get(username="finance_clerk").person
    clerk = _as(browser, site, "finance_clerk", demo_password, "/persons/")
    clerk.get_by_label("姓名").fill(person.name)
    clerk.get_by_role("button", name="查询").click()
    clerk.get_by_test_id(f"person-{person.pk}").get_by_role("link", name=person.name).click()
    fields = clerk.get_by_test_id("fields")
    expect(fields).to_contain_text(person.id_number_masked)
    expect(clerk.get_by_test_id("actions")).not_to_contain_text("查看完整个人信息")

    secretary = _as(browser, site, "finance_secretary", demo_password,
                    f"/persons/{person.pk}/")
    secretary.get_by_role("button", name="查看完整个人信息").click()
    secretary.get_by_role("button", name="确认查看").click()
    shown = secretary.get_by_test_id("unmasked")
    expect(shown).to_be_visible()
    expect(shown).not_to_contain_text("*")


def test_querying_and_paging_swap_the_results_in_place(
    browser: Browser, site: str, demo_password: str,
) -> None:
    page = _as(browser, site, "county_head", demo_password, "/persons/")
    page.evaluate("window.loadedOnce = true")  # gone if the page reloads
    total = page.get_by_test_id("pager").inner_text()
    page.get_by_role("link", name="下一页").click()
    expect(page.get_by_test_id("pager")).to_contain_text("第 2/")
    page.get_by_label("姓名").fill("张")
    page.get_by_role("button", name="查询").click()
    expect(page.get_by_test_id("pager")).to_contain_text("第 1/")
    assert page.get_by_test_id("pager").inner_text() != total
    assert page.evaluate("window.loadedOnce === true")  # swapped, not reloaded
    assert "name=" in page.url  # the address keeps the query (back, bookmark, share)
    export = page.get_by_test_id("export").get_attribute("href") or ""
    assert "name=" in export and "export=xlsx" in export


def test_a_clerk_records_a_members_education_and_hardship(
    browser: Browser, site: str, demo_password: str,
) -> None:
    person = User.objects.get(username="member").person
    Person.objects.filter(pk=person.pk).update(education="高中", in_hardship=False)
    page = _as(browser, site, "finance_clerk", demo_password, f"/persons/{person.pk}/")
    page.get_by_role("button", name="修改学历等信息").click()
    form = page.get_by_test_id("facts-form")
    expect(form.get_by_label("学历")).to_have_value("高中")
    form.get_by_label("学历").select_option("研究生")
    form.get_by_label("生活困难").select_option("是")
    form.get_by_role("button", name="保存").click()

    expect(page.get_by_text(f"{person.name}的学历等信息已保存")).to_be_visible()
    fields = page.get_by_test_id("fields")
    expect(fields).to_contain_text("研究生")
    person.refresh_from_db()
    assert (person.education, person.in_hardship) == ("研究生", True)
