"""The oversight loop through the pages, each role in its own browser context."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Finding, Measure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(browser: Browser, site: str, username: str, password: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next=/oversight/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="监督整改")).to_be_visible()
    return page


def test_inspector_vice_head_and_clerk_close_a_finding_through_the_pages(
    browser: Browser, site: str, demo_password: str, tmp_path: Path
) -> None:
    today = timezone.localdate()
    inspector = _as(browser, site, "inspector", demo_password)
    inspector.on("dialog", lambda dialog: dialog.accept())  # 签发 asks to confirm
    inspector.get_by_role("button", name="登记问题").click()
    inspector.get_by_label("问题单位").select_option(label="县财政局")
    inspector.get_by_label("问题来源").select_option("巡察反馈")
    inspector.get_by_label("发现日期").fill(str(today - timedelta(days=2)))
    inspector.get_by_label("问题描述").fill("公务接待超标准，未执行公函制度")
    inspector.get_by_role("button", name="登记", exact=True).click()
    expect(inspector.get_by_role("alert")).to_contain_text("已登记问题")
    finding = Finding.objects.get(description="公务接待超标准，未执行公函制度")
    expect(inspector).to_have_url(f"{site}/oversight/findings/{finding.pk}/")
    inspector.get_by_test_id("actions").get_by_role("button", name="起草提示单").click()
    expect(inspector.get_by_label("县财政局：公务接待超标准")).to_be_checked()
    inspector.get_by_label("县财政局：公务接待超标准").check()
    vice_name = User.objects.get(username="vice_head").person.name
    inspector.get_by_label("接收领导（分管副县长）").select_option(label=vice_name)
    inspector.get_by_label("回复期限").fill(str(today + timedelta(days=7)))
    inspector.get_by_role("button", name="用所选问题生成监督工作提示单").click()
    expect(inspector.get_by_role("alert")).to_contain_text("已起草提示单")
    inspector.get_by_test_id("actions").get_by_role("button", name="签发").click()
    expect(inspector.get_by_test_id("fields")).to_contain_text("已签发")
    expect(inspector.get_by_role("heading", level=1)).to_contain_text("示纪提〔")
    notice_url = inspector.url

    vice = _as(browser, site, "vice_head", demo_password)
    vice.goto(notice_url)
    vice.get_by_role("button", name="签收").click()
    vice.get_by_test_id("actions").get_by_role("button", name="回复").click()
    vice.get_by_label("书面回复").fill("已约谈县财政局党组书记")
    vice.get_by_role("button", name="回复").click()
    expect(vice.get_by_test_id("fields")).to_contain_text("已约谈县财政局党组书记")

    clerk = _as(browser, site, "finance_clerk", demo_password)
    clerk.goto(f"{site}/oversight/findings/{finding.pk}/")
    clerk.get_by_test_id("actions").get_by_role("button", name="添加整改措施").click()
    clerk.get_by_label("整改措施").fill("修订公务接待管理办法")
    clerk.get_by_label("完成时限").fill(str(today + timedelta(days=20)))
    clerk.get_by_label("完成标准").fill("办法印发")
    clerk.get_by_role("button", name="添加").click()
    measure = Measure.objects.get(description="修订公务接待管理办法")
    expect(clerk).to_have_url(f"{site}/oversight/measures/{measure.pk}/")
    clerk.get_by_test_id("actions").get_by_role("button", name="报送进展").click()
    clerk.get_by_label("进展").fill("已起草办法")
    clerk.get_by_role("button", name="报送进展").click()
    expect(clerk.get_by_role("alert")).to_contain_text("进展已报送")
    evidence = tmp_path / "办法.pdf"
    evidence.write_bytes(b"%PDF-1.4\n%evidence\n")
    clerk.get_by_test_id("actions").get_by_role("button", name="上传佐证").click()
    clerk.get_by_label("佐证材料").set_input_files(evidence)
    clerk.get_by_role("button", name="上传佐证").click()
    expect(clerk.get_by_role("alert")).to_contain_text("已上传佐证材料")
    clerk.get_by_test_id("actions").get_by_role("button", name="提交核查").click()
    clerk.get_by_role("button", name="提交核查").click()
    expect(clerk.get_by_test_id("fields")).to_contain_text("待核查")

    inspector.goto(f"{site}/oversight/measures/{measure.pk}/")
    with inspector.expect_download() as download:  # the inspector reads the evidence first
        inspector.get_by_role("link", name="办法.pdf").click()
    assert download.value.suggested_filename == "办法.pdf"
    assert Path(download.value.path()).read_bytes() == evidence.read_bytes()
    inspector.get_by_test_id("actions").get_by_role("button", name="核查").click()
    inspector.get_by_role("button", name="通过销号").click()
    expect(inspector.get_by_role("alert")).to_contain_text("措施销号")
    finding.refresh_from_db()
    assert finding.status == "已销号"


def test_a_refused_form_keeps_what_the_inspector_typed(
    browser: Browser, site: str, demo_password: str
) -> None:
    inspector = _as(browser, site, "inspector", demo_password)
    inspector.get_by_role("button", name="登记问题").click()
    future = timezone.localdate() + timedelta(days=5)
    inspector.get_by_label("发现日期").fill(str(future))
    inspector.get_by_label("问题描述").fill("这段文字不能丢")
    inspector.get_by_role("button", name="登记", exact=True).click()
    expect(inspector.get_by_test_id("form-errors")).to_contain_text("发现日期不能晚于今天")
    expect(inspector.get_by_label("问题描述")).to_have_value("这段文字不能丢")
    assert not Finding.objects.filter(description="这段文字不能丢").exists()


@pytest.mark.parametrize(("register", "marker"), [
    ("问题台账", "finding"), ("整改措施", "measure"), ("监督工作提示单", "notice"),
    ("举一反三自查", "selfcheck"), ("问责", "accountability"), ("廉政风险点", "risk")])
def test_each_register_opens_from_the_overview_and_shows_a_record(
    browser: Browser, site: str, demo_password: str, register: str, marker: str,
) -> None:
    from dangjian.oversight.models import Notice, RiskPoint, Term
    from dangjian.oversight.services.accountability import accountability_open
    from dangjian.oversight.services.findings import finding_create
    from dangjian.oversight.services.measures import measure_create
    from dangjian.oversight.services.notices import notice_create
    from dangjian.oversight.services.selfchecks import self_checks_send

    today = timezone.localdate()
    inspector_user = User.objects.get(username="inspector")
    finance = Organization.objects.get(name="县财政局")
    finding = finding_create(actor=inspector_user, organization=finance, source="巡察反馈",
                             category="资金监管", severity="一般", description="登记簿的问题",
                             discovered_on=today - timedelta(days=3))
    clerk = User.objects.get(username="finance_clerk")
    measure_create(actor=clerk, finding=finding, description="登记簿的措施", owner=clerk.person,
                   due_on=today + timedelta(days=9), criterion="完成")
    notice_create(actor=inspector_user, findings=[finding],
                  recipient=User.objects.get(username="vice_head").person,
                  reply_due=today + timedelta(days=7))
    self_checks_send(actor=inspector_user, finding=finding, due_on=today + timedelta(days=9),
                     units=[Organization.objects.get(name="县教育局")])
    accountability_open(actor=inspector_user, organization=finance, reason="登记簿的问责",
                        findings=[finding])
    RiskPoint.objects.create(organization=finance, post="科长", risk="登记簿的风险",
                             area=Term.objects.get(kind="risk_area", name="审批监管"),
                             level="中", controls="制度", review_on=today)
    assert Notice.objects.exists()
    page = _as(browser, site, "inspector", demo_password)
    page.get_by_test_id("registers").get_by_role("link", name=register, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(register)
    row = page.locator(f"tr[data-testid^='{marker}-']").first
    expect(row).to_be_visible()
    row.get_by_role("link").first.click()
    expect(page.get_by_test_id("history")).to_contain_text("办理记录")
    expect(page.get_by_test_id("fields")).to_be_visible()


def test_the_county_head_sees_red_units_first_in_the_overview(
    browser: Browser, site: str, demo_password: str
) -> None:
    from dangjian.oversight.services.findings import finding_create
    from dangjian.oversight.services.measures import measure_create

    today = timezone.localdate()
    finding = finding_create(
        actor=User.objects.get(username="inspector"),
        organization=Organization.objects.get(name="县教育局"), source="派驻监督",
        category="作风建设", severity="一般", description="会议费超标",
        discovered_on=today - timedelta(days=40))
    measure_create(actor=User.objects.get(username="edu_clerk"), finding=finding,
                   description="清退超标费用", owner=User.objects.get(username="edu_clerk").person,
                   due_on=today - timedelta(days=5), criterion="退回凭证")
    head = _as(browser, site, "county_head", demo_password)
    first_row = head.get_by_test_id("overview").locator("tbody tr").first
    expect(first_row).to_contain_text("县教育局")
    expect(first_row.locator("td").nth(2)).to_have_text("1")  # one red
