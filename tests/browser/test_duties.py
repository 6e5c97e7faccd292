"""Responsibility lists through the pages: a secretary opens their list, records what was done
with evidence on the item's own page, downloads the year-end Word report; the county head reads
the overview and opens the registers."""

from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.documents.gbt9704 import docx_page_setup
from dangjian.duties.models import ResponsibilityList

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(browser: Browser, site: str, username: str, password: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next=/duties/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="主体责任清单")).to_be_visible()
    return page


def test_a_secretary_records_against_the_list_and_downloads_the_report(
    browser: Browser, site: str, demo_password: str, tmp_path: Path,
) -> None:
    year = timezone.localdate().year
    secretary = _as(browser, site, "finance_secretary", demo_password)
    secretary.get_by_role("button", name=f"建立我在县财政局党组（书记）的{year}年责任清单").click()
    expect(secretary.get_by_role("alert")).to_contain_text("已建立")
    expect(secretary.get_by_text("重要工作亲自部署", exact=False).first).to_be_visible()

    rlist = ResponsibilityList.objects.get(person=User.objects.get(
        username="finance_secretary").person)
    item = rlist.items.get(template_key="sec.coordinate")
    card = secretary.get_by_test_id(f"item-{item.pk}")
    expect(card.get_by_test_id(f"state-{item.pk}")).to_have_text("待完成")
    card.get_by_role("button", name="登记履责记实").click()  # its own page, not a form in the card
    expect(secretary.get_by_role("heading", level=1)).to_contain_text("登记履责记实")
    secretary.get_by_label("履责情况").fill("协调解决机关党支部换届中的重点问题")
    minutes = tmp_path / "协调会纪要.pdf"
    minutes.write_bytes(b"%PDF-1.4\n%minutes\n")
    secretary.get_by_label("佐证材料").set_input_files(minutes)
    secretary.get_by_role("button", name="记录").click()
    # Back on the item's page: the record, its file, the state and the step in 办理记录.
    expect(secretary.get_by_role("alert")).to_contain_text("已记录履责情况")
    expect(secretary.get_by_test_id(f"fulfilment-{item.fulfilments.get().pk}")).to_contain_text(
        "协调解决机关党支部换届中的重点问题")
    expect(secretary.get_by_role("link", name="协调会纪要.pdf")).to_be_visible()
    expect(secretary.get_by_test_id("state")).to_have_text("已完成")
    expect(secretary.get_by_test_id("history")).to_contain_text("登记履责记实")

    secretary.goto(f"{site}/duties/lists/{rlist.pk}/")
    card = secretary.get_by_test_id(f"item-{item.pk}")
    expect(card).to_contain_text("协调解决机关党支部换届中的重点问题")
    expect(card.get_by_role("link", name="协调会纪要.pdf")).to_be_visible()
    expect(card.get_by_test_id(f"state-{item.pk}")).to_have_text("已完成")
    expect(secretary.get_by_test_id("counts")).to_contain_text("佐证材料 1 份")

    with secretary.expect_download() as download:
        secretary.get_by_role("button", name="下载年度报告（Word）").click()
    saved = tmp_path / "report.docx"
    download.value.save_as(saved)
    setup = docx_page_setup(saved.read_bytes())
    margins = [setup[f"{side}_margin_mm"] for side in ("top", "left", "right", "bottom")]
    assert [round(m) for m in margins] == [37, 28, 26, 35]

    head = _as(browser, site, "county_head", demo_password)
    overview = head.get_by_test_id("leaders-overview")
    expect(overview).to_contain_text(rlist.person.name if rlist.person else "")
    expect(overview.locator("tbody tr").first.locator("td").nth(2)).to_have_text("1")


def test_the_registers_list_the_items_and_open_one(
    browser: Browser, site: str, demo_password: str,
) -> None:
    clerk = _as(browser, site, "finance_clerk", demo_password)
    clerk.get_by_role("button", name="建立责任清单").click()
    clerk.get_by_role("button", name="按模板建立").click()
    expect(clerk.get_by_role("alert")).to_contain_text("已建立")
    clerk.goto(f"{site}/duties/")
    clerk.get_by_test_id("registers").get_by_role("link", name="责任事项", exact=True).click()
    table = clerk.get_by_test_id("register")
    expect(table).to_contain_text("党委（党组）会议专题研究全面从严治党工作")
    table.get_by_role("link", name="党委（党组）会议专题研究全面从严治党工作").first.click()
    expect(clerk.get_by_test_id("fields")).to_contain_text("统筹部署")
    expect(clerk.get_by_test_id("actions")).to_contain_text("登记履责记实")
    expect(clerk.get_by_test_id("actions")).to_contain_text("修改事项")
