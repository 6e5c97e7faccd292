"""党务政务公开 in a browser: the clerk drafts and submits, the secretary reviews (保密审查) and
approves from the menu's queues, the clerk publishes; signed out, on a phone, the public finds
it on /gongkai/ and leaves a message, while a draft stays unreachable."""

import pytest
from playwright.sync_api import Browser, expect

from dangjian.access.models import User
from dangjian.openness.models import Disclosure, Feedback
from dangjian.openness.services.disclosures import disclosure_create
from tests.browser.signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def test_a_disclosure_goes_from_draft_to_the_public_portal(
    browser: Browser, site: str, demo_password: str
) -> None:
    clerk = sign_in(browser, site, "finance_clerk", demo_password)
    clerk.get_by_role("link", name="公开事项", exact=True).click()
    clerk.get_by_role("button", name="拟稿").click()
    expect(clerk.get_by_role("heading", level=1)).to_contain_text("拟稿：公开事项")
    clerk.get_by_label("公开主体").select_option(label="县财政局")
    clerk.get_by_label("标题").fill("县财政局2026年部门整体支出绩效")
    clerk.get_by_label("公开内容").fill("绩效自评结果为优。")
    clerk.get_by_label("类别").select_option("政务")
    clerk.get_by_label("公开范围").select_option("向社会")
    clerk.get_by_label("公开方式").select_option("网站")
    clerk.get_by_role("button", name="保存草稿").click()
    expect(clerk.get_by_text("已保存草稿")).to_be_visible()
    clerk.get_by_role("button", name="提交审核").click()
    clerk.get_by_role("button", name="提交审核（保密审查）").click()
    made = Disclosure.objects.get(title="县财政局2026年部门整体支出绩效")
    assert made.status == "审核"

    secretary = sign_in(browser, site, "finance_secretary", demo_password)
    secretary.get_by_role("link", name="保密审查").click()
    secretary.get_by_role("link", name=made.title).click()
    secretary.get_by_test_id("actions").get_by_role("button", name="保密审查").click()
    secretary.get_by_test_id("action-form").get_by_role("button", name="保密审查").click()
    expect(secretary.get_by_role("alert")).to_contain_text("：待审批")
    secretary.get_by_test_id("actions").get_by_role("button", name="审批").click()
    secretary.get_by_test_id("action-form").get_by_role("button", name="审批").click()
    expect(secretary.get_by_role("alert")).to_contain_text("：已批准待公开")
    made.refresh_from_db()
    assert made.status == "已批准"

    clerk.goto(f"{site}/openness/disclosures/{made.pk}/publish/")
    clerk.get_by_role("button", name="公开").click()
    made.refresh_from_db()
    assert made.status == "已公开"

    public = browser.new_page(viewport=PHONE)  # type: ignore[arg-type]
    public.goto(f"{site}/gongkai/")
    public.get_by_label("搜索").fill("绩效")
    public.get_by_role("button", name="查询").click()
    public.get_by_role("link", name=made.title).click()
    expect(public.get_by_test_id("disclosure")).to_contain_text("绩效自评结果为优")
    public.get_by_label("留言内容").fill("请公开绩效评价报告全文")
    public.get_by_label("联系方式").fill("13912345678")
    public.get_by_role("button", name="提交留言").click()
    expect(public.get_by_text("留言已收到")).to_be_visible()
    assert Feedback.objects.get(disclosure=made).contact_masked == "139****5678"
    draft = disclosure_create(actor=User.objects.get(username="finance_clerk"),
                              organization=made.organization, title="草稿", body="未审核",
                              matter_on=made.matter_on, domain="政务", audience="向社会",
                              channel="网站")
    assert public.goto(f"{site}/gongkai/{draft.pk}/").status == 404  # type: ignore[union-attr]


def _returned_draft(clerk_user: User, secretary_user: User) -> Disclosure:
    """A draft of 县财政局 with a PDF attached, submitted and returned by 保密审查."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from dangjian.openness.services import disclosures as services

    made = services.disclosure_create(
        actor=clerk_user, organization=clerk_user.grants.get().organization,  # type: ignore[arg-type]
        title="县财政局党费收缴使用情况", body="本年度党费收缴情况。",
        matter_on=timezone.localdate(), domain="党务", audience="向社会", channel="网站")
    services.disclosure_attach(actor=clerk_user, disclosure=made, upload=SimpleUploadedFile(
        "党费明细.pdf", b"%PDF-1.4\n% dues\n", content_type="application/pdf"))
    services.disclosure_submit(actor=clerk_user, disclosure=made)
    return services.disclosure_review(actor=secretary_user, disclosure=made,
                                      decision="return", comment="请写明上缴金额")


def test_a_returned_draft_is_edited_resubmitted_and_its_file_downloads_signed_out(
    browser: Browser, site: str, demo_password: str
) -> None:
    from dangjian.openness.services import disclosures as services

    clerk_user = User.objects.get(username="finance_clerk")
    secretary_user = User.objects.get(username="finance_secretary")
    made = _returned_draft(clerk_user, secretary_user)
    clerk = sign_in(browser, site, "finance_clerk", demo_password)
    clerk.goto(f"{site}/openness/disclosures/{made.pk}/")
    clerk.get_by_test_id("actions").get_by_role("button", name="修改").click()
    clerk.get_by_label("公开内容").fill("本年度党费收缴情况，上缴县委组织部12,345.00元。")
    clerk.get_by_role("button", name="保存修改").click()
    expect(clerk.get_by_role("alert")).to_contain_text("已保存修改")
    clerk.get_by_test_id("actions").get_by_role("button", name="提交审核").click()
    clerk.get_by_role("button", name="提交审核（保密审查）").click()
    made.refresh_from_db()
    assert made.status == "审核" and "12,345.00" in made.body

    services.disclosure_review(actor=secretary_user, disclosure=made, decision="accept")
    services.disclosure_approve(actor=secretary_user, disclosure=made, decision="accept")
    services.disclosure_publish(actor=clerk_user, disclosure=made)
    clerk.goto(f"{site}/openness/disclosures/{made.pk}/edit/")
    expect(clerk.get_by_text("已公开（或已撤回）的公开事项不能修改")).to_be_visible()

    public = browser.new_page(viewport=PHONE)  # type: ignore[arg-type]
    public.goto(f"{site}/gongkai/{made.pk}/")
    with public.expect_download() as waiting:
        public.get_by_test_id("files").get_by_role("link", name="党费明细.pdf").click()
    assert waiting.value.suggested_filename == "党费明细.pdf"
    attachment = made.attachments.get()
    other = _returned_draft(clerk_user, secretary_user)
    other_file = other.attachments.get()
    hidden = public.request.get(f"{site}/gongkai/{other.pk}/files/{other_file.pk}/")
    assert hidden.status == 404
    assert public.request.get(
        f"{site}/gongkai/{made.pk}/files/{other_file.pk}/").status == 404
    assert public.request.get(f"{site}/gongkai/{made.pk}/files/{attachment.pk}/").status == 200


def test_the_clerk_edits_and_deactivates_a_catalogue_line(
    browser: Browser, site: str, demo_password: str
) -> None:
    from django.utils import timezone

    from dangjian.openness.models import CatalogueItem

    clerk_user = User.objects.get(username="finance_clerk")
    item = CatalogueItem.objects.create(
        organization=clerk_user.grants.get().organization, year=timezone.localdate().year,
        domain="党务", content="民主评议党员情况", audience="党内", cadence="每年",
        channel="公开栏", created_by=clerk_user)
    clerk = sign_in(browser, site, "finance_clerk", demo_password)
    clerk.get_by_role("link", name="公开目录", exact=True).click()
    row = clerk.get_by_test_id(f"item-{item.pk}")
    row.get_by_role("link", name="修改").click()
    clerk.get_by_label("公开范围").select_option("向社会")
    clerk.get_by_label("向社会公开前须先在党内公开（党务公开条例第四条）").check()
    clerk.get_by_role("button", name="保存").click()
    expect(clerk.get_by_role("alert")).to_contain_text("已修改目录事项")
    item.refresh_from_db()
    assert (item.audience, item.inside_first) == ("向社会", True)
    clerk.get_by_test_id(f"item-{item.pk}").get_by_role("link", name="停用").click()
    clerk.get_by_role("button", name="停用").click()
    expect(clerk.get_by_test_id(f"item-{item.pk}")).to_contain_text("已停用")


def test_public_feedback_reaches_the_clerks_inbox_and_workbench(
    browser: Browser, site: str, demo_password: str
) -> None:
    from dangjian.openness.services import disclosures as services

    clerk_user = User.objects.get(username="finance_clerk")
    secretary_user = User.objects.get(username="finance_secretary")
    made = _returned_draft(clerk_user, secretary_user)
    services.disclosure_submit(actor=clerk_user, disclosure=made)
    services.disclosure_review(actor=secretary_user, disclosure=made, decision="accept")
    services.disclosure_approve(actor=secretary_user, disclosure=made, decision="accept")
    services.disclosure_publish(actor=clerk_user, disclosure=made)
    public = browser.new_page(viewport=PHONE)  # type: ignore[arg-type]
    public.goto(f"{site}/gongkai/{made.pk}/")
    public.get_by_label("留言内容").fill("上缴金额与去年相比如何？")
    public.get_by_role("button", name="提交留言").click()
    expect(public.get_by_text("留言已收到")).to_be_visible()

    clerk = sign_in(browser, site, "finance_clerk", demo_password)
    expect(clerk.get_by_text("群众留言待答复")).to_be_visible()
    clerk.goto(f"{site}/inbox/")
    expect(clerk.get_by_text("新的群众留言").first).to_be_visible()
    clerk.goto(f"{site}/openness/feedback/")
    expect(clerk.locator(".light-green").first).to_be_visible()
