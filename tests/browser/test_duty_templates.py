"""The county's responsibility-list template through the page: the county's party office
downloads the built-in template, uploads a spoiled copy and reads every bad cell in the error
table (nothing imported), then uploads the good one as version 1; a unit clerk only downloads."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from dangjian.duties.models import ResponsibilityTemplate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(browser: Browser, site: str, username: str, password: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next=/duties/templates/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="责任清单模板", level=1)).to_be_visible()
    return page


def test_the_party_office_imports_the_countys_template(
    browser: Browser, site: str, demo_password: str, tmp_path: Path,
) -> None:
    office = _as(browser, site, "assessor", demo_password)
    expect(office.get_by_test_id("template-built-in")).to_contain_text("启用中")
    with office.expect_download() as download:
        office.get_by_test_id("download-built-in").click()
    good = tmp_path / "责任清单模板.xlsx"
    download.value.save_as(good)

    book = load_workbook(good)
    sheet = book.worksheets[0]
    sheet["E3"] = "每周"  # the first item's 频次
    sheet["A4"] = sheet["A3"].value  # the second item repeats the first one's 编号
    spoiled = tmp_path / "改错的模板.xlsx"
    out = io.BytesIO()
    book.save(out)
    spoiled.write_bytes(out.getvalue())

    form = office.get_by_test_id("template-import")
    form.get_by_label("模板文件（.xlsx）").set_input_files(spoiled)
    form.get_by_role("button", name="导入为新版本").click()
    expect(office.get_by_test_id("form-errors")).to_contain_text("模板有2处错误，全部未导入")
    errors = office.get_by_test_id("template-errors")
    expect(errors.get_by_role("row").nth(1)).to_contain_text("第1行")
    expect(errors.get_by_role("row").nth(1)).to_contain_text("频次")
    expect(errors.get_by_role("row").nth(1)).to_contain_text("未知的频次“每周”")
    expect(errors.get_by_role("row").nth(2)).to_contain_text("编号“org.deploy”与第1行重复")
    assert not ResponsibilityTemplate.objects.exists()

    form = office.get_by_test_id("template-import")
    form.get_by_label("模板名称（可不填）").fill("示范县2027年责任清单模板")
    form.get_by_label("模板文件（.xlsx）").set_input_files(good)
    form.get_by_role("button", name="导入为新版本").click()
    expect(office.get_by_role("alert")).to_contain_text("已导入示范县2027年责任清单模板（第1版）")
    expect(office.get_by_test_id("template-errors")).to_have_count(0)
    expect(office.get_by_test_id("template-version-1")).to_contain_text("启用中")
    expect(office.get_by_test_id("template-built-in")).to_contain_text("未启用")

    clerk = _as(browser, site, "finance_clerk", demo_password)
    expect(clerk.get_by_test_id("download-built-in")).to_be_visible()
    expect(clerk.get_by_test_id("template-import")).to_have_count(0)
