"""Task supervision through the pages, each role in its own browser context: a speech pasted,
reviewed and confirmed; the unit's monthly report; an overdue task red on its leader's
overview and in the task list; an import with its progress bar."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import Workbook
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.tasks.matching import charged_leader
from dangjian.tasks.models import Plan, Task
from dangjian.tasks.services.confirm import ReviewedItem, plan_confirm
from dangjian.tasks.services.imports import HEADERS
from dangjian.tasks.services.plans import plan_create
from dangjian.tasks.services.reminders import remind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPEECH = Path(__file__).resolve().parents[1] / "fixtures" / "speeches" / "lianzheng_jianghua.txt"


def _as(browser: Browser, site: str, username: str, password: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next=/tasks/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="督查督办")).to_be_visible()
    return page


def test_a_pasted_speech_is_reviewed_into_tasks_that_the_unit_reports_on(
    browser: Browser, site: str, demo_password: str, tmp_path: Path,
) -> None:
    head = _as(browser, site, "county_head", demo_password)
    head.get_by_test_id("registers").get_by_text("录入讲话、工作要点或实施方案").click()
    head.get_by_label("部署单位").select_option(label="示范县人民政府党组")
    head.get_by_label("粘贴全文").fill(SPEECH.read_text(encoding="utf-8"))
    head.get_by_role("button", name="识别任务").click()
    expect(head.get_by_role("heading", name="审核任务建议")).to_be_visible()
    expect(head.get_by_role("alert")).to_contain_text("已识别出13条任务建议")
    proposals = head.locator('[data-testid^="proposal-"]')
    expect(proposals).to_have_count(13)

    bulk = head.get_by_test_id("bulk")
    bulk.get_by_label("牵头单位").select_option(label="县财政局")
    bulk.get_by_label("应用于全部保留的任务").check()
    bulk.get_by_role("button", name="为勾选的任务批量指定").click()
    expect(head.get_by_role("alert")).to_contain_text("已为13条任务批量指定")

    # 强化日常监督 names 派驻纪检监察组: the reviewer gives it to 县教育局 instead.
    supervise = proposals.nth(11)
    expect(supervise).to_contain_text("文中责任主体：派驻纪检监察组")
    supervise.get_by_label("牵头单位").select_option(label="县教育局")
    supervise.get_by_role("button", name="保存").click()
    expect(head.get_by_role("alert")).to_contain_text("已保存：强化日常监督")
    head.get_by_role("button", name="确认生成13项督办任务").click()
    expect(head.get_by_role("alert")).to_contain_text("已确认第1版：新增13项")
    rows = head.get_by_test_id("plan-tasks").locator("tbody tr")
    expect(rows).to_have_count(13)
    education = Organization.objects.get(name="县教育局")
    task = Task.objects.get(title="强化日常监督")
    assert task.lead_unit == education and task.leader == charged_leader(education)

    head.get_by_role("link", name="强化日常监督").click()  # the task's detail page
    expect(head.get_by_test_id("fields")).to_contain_text("县教育局")
    expect(head.get_by_test_id("history")).to_contain_text("新建督办任务")

    clerk = _as(browser, site, "finance_clerk", demo_password)
    first = Task.objects.get(number=1)
    clerk.get_by_test_id(f"report-{first.pk}").get_by_role("link", name="报送进展").click()
    form = clerk.get_by_test_id("report-form")
    form.get_by_label("本期进展").fill("党组会专题研究，已印发责任清单")
    form.get_by_label("完成进度（%）").fill("60")
    evidence = tmp_path / "责任清单.pdf"
    evidence.write_bytes(b"%PDF-1.4\n%evidence\n")
    form.get_by_label("佐证材料").set_input_files(evidence)
    form.get_by_role("button", name="报送进展").click()
    expect(clerk.get_by_role("alert")).to_contain_text("进展已报送")
    expect(clerk.get_by_test_id("section").first).to_contain_text("责任清单.pdf")
    clerk.goto(f"{site}/tasks/")
    expect(clerk.get_by_test_id(f"report-{first.pk}")).to_contain_text("本期已报送")
    assert first.reports.get().evidence.get().original_name == "责任清单.pdf"


def _deploy_one(due_in_days: int) -> Task:
    head = User.objects.get(username="county_head")
    plan = plan_create(actor=head, organization=Organization.objects.get(
        name="示范县人民政府党组"), kind="讲话", year=timezone.localdate().year,
        text=SPEECH.read_text(encoding="utf-8"))
    finance = Organization.objects.get(name="县财政局")
    due = timezone.localdate() + timedelta(days=due_in_days)
    plan_confirm(actor=head, plan=plan, items=[
        ReviewedItem(title="细化责任清单", lead_unit=finance, leader=charged_leader(finance),
                     due_on=due),
        ReviewedItem(title="传导压力到位", lead_unit=finance, leader=charged_leader(finance),
                     due_on=due + timedelta(days=60)),
    ])
    return Task.objects.get(plan=plan, number=1)


def test_an_overdue_task_turns_red_on_its_leaders_desk(
    browser: Browser, site: str, demo_password: str,
) -> None:
    task = _deploy_one(due_in_days=20)
    Task.objects.filter(pk=task.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    remind()
    vice = _as(browser, site, "vice_head", demo_password)
    first = vice.get_by_test_id("my-tasks").locator("tbody tr").first
    expect(first).to_contain_text("细化责任清单")
    expect(first.locator(".light")).to_have_text("红灯")
    expect(first).to_contain_text("逾期")
    vice.goto(f"{site}/inbox/")
    expect(vice.get_by_text("督办：任务逾期（红灯）").first).to_be_visible()

    head = _as(browser, site, "county_head", demo_password)
    leaders = head.get_by_test_id("overview-leaders").locator("tbody tr").first
    expect(leaders).to_contain_text(task.leader.name)
    expect(leaders.locator("td").nth(3)).to_have_text("1")  # one red
    head.get_by_test_id("registers").get_by_text("督办任务").first.click()
    head.get_by_label("灯号").select_option(label="红灯")
    head.get_by_role("button", name="查询").click()
    red = head.get_by_test_id(f"task-{task.pk}")
    expect(red.locator(".light")).to_have_text("红灯")
    expect(head.get_by_test_id("register").locator("tbody tr")).to_have_count(1)


def test_an_import_shows_its_progress_then_the_tasks(
    browser: Browser, site: str, demo_password: str, tmp_path: Path,
) -> None:
    leader = User.objects.get(username="vice_head").person.name
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for n in range(1, 451):  # three steps of 200 rows
        sheet.append([n, f"第{n}项任务", "县财政局", "县教育局", leader, "2026-12-31", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    sheet_file = tmp_path / "任务分解表.xlsx"
    sheet_file.write_bytes(buffer.getvalue())

    head = _as(browser, site, "county_head", demo_password)
    head.goto(f"{site}/tasks/import/")
    head.get_by_label("部署单位").select_option(label="示范县人民政府党组")
    head.get_by_label("年度").fill("2026")
    head.get_by_label("标题").fill("2026年任务分解表")
    head.get_by_label("任务分解表（.xlsx）").set_input_files(sheet_file)
    head.get_by_role("button", name="上传并校验").click()
    expect(head.get_by_role("progressbar", name="校验进度")).to_be_visible()
    expect(head.get_by_test_id("import-status")).to_have_text("已导入", timeout=30_000)
    expect(head.get_by_test_id("import-progress")).to_contain_text("已校验 450/450 行（100%）")
    head.get_by_role("link", name="查看任务分解").click()
    expect(head.get_by_test_id("plan-tasks").locator("tbody tr")).to_have_count(450)
    assert Plan.objects.get(title="2026年任务分解表").tasks.count() == 450


MEETING_REPORT = (
    "县委召开党建工作推进会\n"
    "会议强调,要提高政治站位,切实把党建责任扛在肩上。要压实主体责任,各乡镇党委书记要亲自抓。"
    "要加强督促检查,县委组织部要每季度通报1次。\n"
)


def test_a_meeting_report_without_markers_shows_why_each_item_was_cut(
    browser: Browser, site: str, demo_password: str,
) -> None:
    head = _as(browser, site, "county_head", demo_password)
    head.get_by_test_id("registers").get_by_text("录入讲话、工作要点或实施方案").click()
    head.get_by_label("部署单位").select_option(label="示范县人民政府党组")
    head.get_by_label("粘贴全文").fill(MEETING_REPORT)
    head.get_by_role("button", name="识别任务").click()
    expect(head.get_by_role("heading", name="审核任务建议")).to_be_visible()
    proposals = head.locator('[data-testid^="proposal-"]')
    expect(proposals).to_have_count(3)
    first = proposals.first
    expect(first).to_contain_text("切分依据：文中无提纲标号，按工作要求句（以“要”开头）切分")
    expect(first).to_contain_text("请核对切分")
    first.get_by_role("button", name="与下一条合并").click()
    expect(proposals).to_have_count(2)
    expect(proposals.first).to_contain_text("已与下一条合并")
