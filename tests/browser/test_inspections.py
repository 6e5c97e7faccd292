"""督导检查, 专项整治 and the structured reply through the pages (issue 13)."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Campaign, Finding, Inspection, InspectionFile, NoticeAction
from dangjian.oversight.services.findings import finding_create
from dangjian.oversight.services.inspections import inspection_create
from dangjian.oversight.services.notices import notice_acknowledge, notice_create, notice_issue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(browser: Browser, site: str, username: str, password: str, start: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next={start}")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(f"{site}{start}")
    return page


def test_a_vice_head_inspects_and_registers_a_finding(
        browser: Browser, site: str, demo_password: str) -> None:
    today = timezone.localdate()
    vice = _as(browser, site, "vice_head", demo_password, "/oversight/inspections/")
    expect(vice.get_by_role("heading", name="督导检查")).to_be_visible()
    vice.get_by_role("button", name="登记督导检查").click()
    vice.get_by_label("县财政局", exact=True).check()
    vice.get_by_label("检查日期").fill(str(today - timedelta(days=1)))
    vice.get_by_label("检查事项：落实民主集中制").fill("“三重一大”事项集体决策")
    vice.get_by_label("检查结果：落实民主集中制").select_option("不符合")
    vice.get_by_label("检查报告").fill("县财政局党组执行民主集中制总体较好，个别事项未上会。")
    vice.get_by_role("button", name="登记", exact=True).click()
    expect(vice.get_by_role("alert")).to_contain_text("已登记督导检查")
    inspection = Inspection.objects.get()
    expect(vice).to_have_url(f"{site}/oversight/inspections/{inspection.pk}/")
    expect(vice.get_by_text("“三重一大”事项集体决策")).to_be_visible()
    vice.get_by_test_id("actions").get_by_role("button", name="登记发现问题").click()
    vice.get_by_label("问题类别").select_option("组织建设")
    vice.get_by_label("问题描述").fill("两项“三重一大”事项未经党组会集体研究")
    vice.get_by_role("button", name="登记", exact=True).click()
    expect(vice.get_by_role("alert")).to_contain_text("已登记督导检查发现的问题")
    finding = Finding.objects.get()
    assert finding.inspection == inspection and finding.source.name == "督导检查"
    expect(vice.get_by_test_id(f"finding-{finding.pk}")).to_be_visible()
    expect(vice.get_by_role("heading", name="办理记录")).to_be_visible()


def test_a_refused_finding_keeps_what_the_vice_head_typed(
        browser: Browser, site: str, demo_password: str) -> None:
    vice = _as(browser, site, "vice_head", demo_password, "/oversight/inspections/new/")
    vice.get_by_label("县财政局", exact=True).check()
    vice.get_by_label("检查日期").fill(str(timezone.localdate() + timedelta(days=3)))
    vice.get_by_label("检查报告").fill("这段报告不能丢")
    vice.get_by_role("button", name="登记", exact=True).click()
    expect(vice.get_by_test_id("form-errors")).to_contain_text("检查日期不能晚于今天")
    expect(vice.get_by_label("检查报告")).to_have_value("这段报告不能丢")
    assert not Inspection.objects.exists()


def test_the_inspector_runs_a_campaign_and_the_vice_head_replies_with_actions(
        browser: Browser, site: str, demo_password: str) -> None:
    today = timezone.localdate()
    inspector_user, vice_user = (User.objects.get(username=n) for n in ("inspector", "vice_head"))
    finding = finding_create(actor=inspector_user,
                             organization=Organization.objects.get(name="县财政局"),
                             source="巡察反馈", category="纪律建设", severity="一般",
                             description="公务用车管理不规范", discovered_on=today)
    inspector = _as(browser, site, "inspector", demo_password, "/oversight/campaigns/")
    inspector.get_by_role("button", name="发起专项整治").click()
    inspector.get_by_label("名称").fill("党内政治生活专项整治")
    inspector.get_by_label("结束日期").fill(str(today + timedelta(days=60)))
    inspector.get_by_label("依据").fill("县政府党组党建工作会议讲话")
    inspector.get_by_role("button", name="发起").click()
    expect(inspector.get_by_role("alert")).to_contain_text("已发起专项整治")
    campaign = Campaign.objects.get()
    inspector.get_by_test_id("actions").get_by_role("button", name="列入问题").click()
    inspector.get_by_label("县财政局：公务用车管理不规范").check()
    inspector.get_by_role("button", name="列入").click()
    expect(inspector.get_by_role("alert")).to_contain_text("已列入1个问题")
    expect(inspector.get_by_test_id("campaign-progress")).to_be_visible()
    expect(inspector.get_by_test_id(f"finding-{finding.pk}")).to_be_visible()
    assert Finding.objects.get(pk=finding.pk).campaign == campaign

    notice = notice_create(actor=inspector_user, recipient=vice_user.person, findings=[finding],
                           reply_due=today + timedelta(days=5))
    notice_issue(actor=inspector_user, notice=notice)
    notice_acknowledge(actor=vice_user, notice=notice)
    vice = _as(browser, site, "vice_head", demo_password, f"/oversight/notices/{notice.pk}/")
    vice.get_by_test_id("actions").get_by_role("button", name="回复").click()
    vice.get_by_label("书面回复").fill("已约谈县财政局党组书记。")
    vice.locator("select[name=action1_kind]").select_option("约谈提醒")
    vice.get_by_label("措施1日期").fill(str(today))
    secretary = User.objects.get(username="finance_secretary").person
    vice.locator("select[name=action1_person]").select_option(str(secretary.pk))
    vice.get_by_role("button", name="回复").click()
    expect(vice.get_by_role("alert")).to_contain_text("已回复")
    expect(vice.get_by_role("heading", name="回复措施（一岗双责）")).to_be_visible()
    assert NoticeAction.objects.get().person == secretary


def test_the_vice_head_uploads_the_signed_report_and_exports_the_word_file(
        browser: Browser, site: str, demo_password: str, tmp_path: Path) -> None:
    vice_user = User.objects.get(username="vice_head")
    inspection = inspection_create(
        actor=vice_user, targets=[Organization.objects.get(name="县财政局")],
        topics=["民主集中制"], inspected_on=timezone.localdate() - timedelta(days=1),
        report="总体较好")
    vice = _as(browser, site, "vice_head", demo_password,
               f"/oversight/inspections/{inspection.pk}/")
    signed = tmp_path / "督导检查报告（签字版）.pdf"
    signed.write_bytes(b"%PDF-1.4\n% signed\n")
    vice.get_by_test_id("actions").get_by_role("button", name="上传检查报告").click()
    vice.get_by_label("检查报告文件").set_input_files(signed)
    vice.get_by_role("button", name="上传", exact=True).click()
    expect(vice.get_by_role("alert")).to_contain_text("已上传检查报告")
    expect(vice).to_have_url(f"{site}/oversight/inspections/{inspection.pk}/")
    assert InspectionFile.objects.get().inspection == inspection
    with vice.expect_download() as download:
        vice.get_by_role("link", name=signed.name).click()
    assert Path(download.value.path()).read_bytes() == signed.read_bytes()
    with vice.expect_download() as report:
        vice.get_by_test_id("actions").get_by_role("button", name="导出报告（Word）").click()
    assert report.value.suggested_filename.endswith("督导检查情况报告（"
                                                    f"{inspection.inspected_on}）.docx")
