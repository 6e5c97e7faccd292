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
