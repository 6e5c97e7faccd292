"""Member development, study and visits through the pages, as the 县财政局 clerk."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dangjian.members import rules
from dangjian.members.models import Candidate
from dangjian.people import idnumber

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _clerk(browser: Browser, site: str, password: str, path: str, heading: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next={path}")
    page.get_by_label("用户名").fill("finance_clerk")
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
    return page


def test_the_clerk_registers_an_application_records_the_talk_and_is_refused_a_skip(
    browser: Browser, site: str, demo_password: str
) -> None:
    today = timezone.localdate()
    page = _clerk(browser, site, demo_password, "/members/", "发展党员")
    page.get_by_test_id("overview-links").get_by_role("button", name="登记入党申请").click()
    expect(page.get_by_role("heading", name="登记入党申请")).to_be_visible()
    form = page.get_by_test_id("candidate-new")
    form.get_by_label("受理党支部").select_option(label="县财政局机关第一党支部")
    form.get_by_label("递交入党申请书日期").fill(str(today - timedelta(days=10)))
    form.get_by_label("姓名").fill("韩晓申")
    form.get_by_label("身份证号").fill(idnumber.synthesise("990098", date(2000, 1, 2), 11))
    form.get_by_role("button", name="登记", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("已为韩晓申建立发展党员档案")

    # The new record's detail page: what is due next, with its article.
    candidate = Candidate.objects.get(person__name="韩晓申")
    expect(page).to_have_url(f"{site}/members/candidates/{candidate.pk}/")
    due = page.get_by_test_id("due")
    expect(due).to_contain_text("第2步 党组织派人谈话")
    expect(due).to_contain_text("第七条")
    page.get_by_test_id("actions").get_by_role("button", name="记录下一步").click()
    form = page.get_by_test_id("step-form")
    form.get_by_label("日期", exact=True).fill(str(today - timedelta(days=3)))
    form.get_by_label("文书（名称、编号）").fill("谈话记录")
    form.get_by_role("button", name="记录").click()
    expect(page.get_by_role("alert")).to_contain_text("已记录第2步 党组织派人谈话")
    expect(page).to_have_url(f"{site}/members/candidates/{candidate.pk}/")
    expect(page.get_by_test_id("section")).to_contain_text("党组织派人谈话")
    expect(page.get_by_test_id("history")).to_contain_text("记录发展步骤")

    # Skipping the publicity: refused with the rule's article, everything typed kept.
    page.get_by_test_id("actions").get_by_role("button", name="记录下一步").click()
    form = page.get_by_test_id("step-form")
    form.get_by_label("日期", exact=True).fill(str(today))
    form.get_by_label("说明").fill("未公示就确定")
    form.get_by_role("button", name="记录").click()
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("请填写公示开始日期")
    expect(alert).to_contain_text(rules.publicity(
        rules.local_settings().publicity_working_days).citation)
    expect(page).to_have_url(f"{site}/members/candidates/{candidate.pk}/steps/")
    form = page.get_by_test_id("step-form")
    expect(form.get_by_label("说明")).to_have_value("未公示就确定")
    expect(form.get_by_label("日期", exact=True)).to_have_value(str(today))
    candidate.refresh_from_db()
    assert candidate.current_step == 2

    # The register lists the record with what is now due.
    page.goto(f"{site}/members/candidates/?name=韩晓申")
    expect(page.get_by_test_id(f"candidate-{candidate.pk}")).to_contain_text(
        "第3步 推荐和确定入党积极分子")


def test_the_clerk_records_study_hours_and_a_visit(
    browser: Browser, site: str, demo_password: str
) -> None:
    today = timezone.localdate()
    page = _clerk(browser, site, demo_password, "/members/study/", f"学习培训（{today.year}年）")
    page.get_by_test_id("overview-links").get_by_role("button", name="登记学习记录").click()
    form = page.get_by_test_id("study-new")
    form.get_by_label("类型").select_option("中心组学习")
    form.get_by_label("领导班子").select_option(label="县财政局党组")
    form.get_by_label("学习日期").fill(str(today))
    form.get_by_label("学时").fill("3")
    form.get_by_label("主题").fill("学习党章")
    form.get_by_role("button", name="登记").click()
    expect(page.get_by_role("alert")).to_contain_text("已登记学习记录：学习党章")
    expect(page.get_by_test_id("fields")).to_contain_text("县财政局党组")  # its detail page
    page.goto(f"{site}/members/study/")
    expect(page.get_by_test_id("group-sessions")).to_contain_text("县财政局党组")

    page.get_by_role("link", name="走访慰问", exact=True).click()
    page.get_by_test_id("overview-links").get_by_role("button", name="登记走访慰问").click()
    form = page.get_by_test_id("visit-new")
    form.get_by_label("对象类别").select_option("生活困难党员")
    form.get_by_label("慰问活动").select_option("春节")
    form.get_by_label("走访日期").fill(str(today))
    form.get_by_label("其他走访人员（如县领导）").fill("县委组织部部长")
    form.get_by_label("后续需求").fill("协调医疗救助")
    form.get_by_role("button", name="登记").click()
    expect(page.get_by_role("alert")).to_contain_text("已登记走访慰问")
    expect(page.get_by_test_id("fields")).to_contain_text("协调医疗救助")  # its detail page
    page.goto(f"{site}/members/visits/")
    expect(page.get_by_test_id("visits")).to_contain_text("协调医疗救助")
    page.get_by_test_id("overview-links").get_by_role("button", name="走访慰问台账").click()
    expect(page.get_by_test_id("register")).to_contain_text("协调医疗救助")


def test_the_clerk_imports_a_member_roster_and_sees_who_was_registered(
    browser: Browser, site: str, demo_password: str, tmp_path: Path,
) -> None:
    from dangjian.documents.spreadsheets import render_xlsx
    from dangjian.members.services.roster import ROSTER_HEADERS
    from dangjian.people.models import Person

    roster = tmp_path / "花名册.xlsx"
    number = idnumber.synthesise("990003", date(1990, 5, 6), 1)
    roster.write_bytes(render_xlsx(title="党员花名册", headers=ROSTER_HEADERS, rows=[
        ["花名册新人", number, "正式党员", "县财政局机关第一党支部", "", date(2015, 7, 1)]]))
    page = _clerk(browser, site, demo_password, "/members/", "发展党员")
    page.get_by_test_id("overview-links").get_by_role("button", name="导入党员花名册").click()
    expect(page.get_by_role("heading", name="导入党员花名册")).to_be_visible()
    page.get_by_label("花名册文件").set_input_files(roster)
    page.get_by_role("button", name="导入", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("已导入花名册：1 名人员")
    assert Person.objects.filter(name="花名册新人").exists()
