"""党建考核 through the pages: the assessor publishes a scheme; on the demo's scheme a unit
appeals a score and is answered, the assessor and the county head approve, the assessor
releases, and the 通报 (Word) and the ranking (Excel) download."""

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from dangjian.assessment.models import Appeal, Result, Scheme, Score
from tests.browser.signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _accepting(page: Page) -> Page:
    page.on("dialog", lambda dialog: dialog.accept())  # the steps ask to confirm
    return page


def _step(page: Page, name: str, message: str) -> None:
    page.get_by_test_id("actions").get_by_role("button", name=name).click()
    expect(page.get_by_role("alert")).to_contain_text(message)


def test_the_assessment_from_publication_to_the_published_report(
    browser: Browser, site: str, demo_password: str,
    manual_shot: Callable[[Page, str], Path],
) -> None:
    assessor = _accepting(sign_in(browser, site, "assessor", demo_password))
    # a new scheme: drafted, two indicators, published
    assessor.goto(f"{site}/assessment/schemes/new/")
    assessor.get_by_label("方案名称").fill("乡镇党委党建工作考核")
    assessor.get_by_label("考核对象").select_option("乡镇党委")
    assessor.get_by_label("文号").fill("示组〔2026〕9号")
    assessor.get_by_role("button", name="保存为草稿").click()
    expect(assessor.get_by_role("alert")).to_contain_text("已新建考核方案")
    for fields in ({"编号": "1", "指标名称": "基层组织建设", "分值": "100"},
                   {"编号": "1.1", "指标名称": "三会一课", "分值": "100"}):
        assessor.get_by_test_id("actions").get_by_role("button", name="添加指标").click()
        for label, value in fields.items():
            assessor.get_by_label(label, exact=True).fill(value)
        if fields["编号"] == "1.1":
            assessor.get_by_label("一级指标").select_option(label="1 基层组织建设")
            assessor.get_by_label("计分方式").select_option("AUTO")
            assessor.get_by_label("数据来源").select_option("orglife.meetings_completion")
        assessor.get_by_role("button", name="添加", exact=True).click()
        expect(assessor.get_by_role("alert")).to_contain_text("已添加指标")
    _step(assessor, "发布", "已发布考核方案")
    assert Scheme.objects.get(name="乡镇党委党建工作考核").status == Scheme.Status.PUBLISHED

    # the demo's scheme: the unit appeals its 三会一课 score
    scheme = Scheme.objects.get(name="部门党组（党委）党建工作考核")
    score = Score.objects.get(indicator__scheme=scheme, indicator__code="2.1",
                              organization__name="县财政局党组")
    clerk = sign_in(browser, site, "finance_clerk", demo_password)
    clerk.goto(f"{site}/assessment/scores/{score.pk}/")
    expect(clerk.get_by_test_id("basis")).to_be_visible()
    clerk.get_by_test_id("actions").get_by_role("button", name="申请复核").click()
    clerk.get_by_label("复核理由").fill("十月份支委会已召开，记录补录在案")
    clerk.get_by_role("button", name="提出复核申请").click()
    expect(clerk.get_by_role("alert")).to_contain_text("已提出复核申请")
    appeal = Appeal.objects.get(score=score)

    assessor.goto(f"{site}/assessment/appeals/{appeal.pk}/")
    _step(assessor, "受理", "已受理复核申请")
    assessor.get_by_test_id("actions").get_by_role("button", name="作出复核结论").click()
    assessor.get_by_label("复核结论").select_option(Appeal.Status.UPHELD)
    assessor.get_by_label("复核意见").fill("经核实，补录记录不在考核周期内，维持原分")
    assessor.get_by_role("button", name="提交结论").click()
    expect(assessor.get_by_role("alert")).to_contain_text("已作出复核结论")

    # two approvals, then release
    assessor.goto(f"{site}/assessment/schemes/{scheme.pk}/")
    _step(assessor, "审核并提交审定", "已审核")
    leader = _accepting(sign_in(browser, site, "county_head", demo_password))
    leader.goto(f"{site}/assessment/schemes/{scheme.pk}/")
    _step(leader, "审定", "已审核")
    assessor.reload()
    _step(assessor, "公布结果", "已公布考核结果")
    assessor.get_by_test_id("actions").get_by_role("button", name="考核结果").click()
    expect(assessor.get_by_test_id("results")).to_contain_text("县财政局党组")
    manual_shot(assessor, "assessor-results")

    results = list(Result.objects.filter(scheme=scheme).order_by("rank", "id"))
    with assessor.expect_download() as word:
        assessor.get_by_test_id("download-docx").click()
    table = Document(io.BytesIO(Path(word.value.path()).read_bytes())).tables[-1]
    assert [c.text for c in table.rows[1].cells][1:] == [
        results[0].organization.name, f"{results[0].total:.2f}", results[0].grade]
    with assessor.expect_download() as excel:
        assessor.get_by_test_id("download-xlsx").click()
    assert word.value.suggested_filename.endswith(".docx")
    sheet = load_workbook(io.BytesIO(Path(excel.value.path()).read_bytes())).active
    assert sheet.cell(row=3, column=2).value == results[0].organization.name
