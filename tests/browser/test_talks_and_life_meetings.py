"""谈心谈话 and 民主生活会 through the pages: the clerk records a talk whose summary she then
cannot read, the coverage report names the missing pairs with the rule, and the 党组's
民主生活会 moves through its stages to a 整改清单 whose items open in the findings ledger."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from dangjian.access.models import User
from dangjian.orglife.models import HeartTalk, LifeMeeting, LifeMeetingStage
from dangjian.orglife.services import lifemeetings as lm
from dangjian.orglife.services.talks import talk_create
from dangjian.orgs.models import Organization
from tests.browser.signin import sign_in
from tests.orglife.talk_cast import FINANCE_GROUP, build_cast

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BRANCH = "县财政局机关第一党支部"


def _cast() -> object:
    return build_cast(Organization.objects.get(name=BRANCH),
                      Organization.objects.get(name=FINANCE_GROUP),
                      User.objects.get(username="finance_secretary").person,
                      User.objects.get(username="member").person, timezone.localdate())


def test_a_talk_recorded_its_summary_private_and_the_coverage_gaps(
    browser: Browser, site: str, demo_password: str,
) -> None:
    cast = _cast()
    branch = Organization.objects.get(name=BRANCH)
    clerk = sign_in(browser, site, "finance_clerk", demo_password)
    clerk.goto(f"{site}/orglife/talks/new/?organization={branch.pk}")
    clerk.get_by_label("谈话人", exact=True).select_option(label=cast.committee[0].name)
    clerk.get_by_label("谈话对象", exact=True).select_option(label=cast.member.name)
    clerk.get_by_label("类型").select_option("委员与党员")
    clerk.get_by_label("谈话内容摘要").fill("谈学习和工作情况")
    clerk.get_by_role("button", name="登记", exact=True).click()
    expect(clerk.get_by_test_id("fields")).to_contain_text("委员与党员")
    expect(clerk.get_by_test_id("fields")).to_contain_text("仅谈话双方和本组织书记可见")
    expect(clerk.get_by_test_id("fields")).not_to_contain_text("谈学习和工作情况")
    expect(clerk.get_by_test_id("history")).to_be_visible()
    talk = HeartTalk.objects.get()
    member = sign_in(browser, site, "member", demo_password)
    member.goto(f"{site}/orglife/talks/{talk.pk}/")
    expect(member.get_by_test_id("fields")).to_contain_text("谈学习和工作情况")
    clerk.goto(f"{site}/orglife/talks/coverage/")
    clerk.get_by_label("党支部").select_option(label=BRANCH)
    clerk.get_by_role("button", name="查询").click()
    expect(clerk.get_by_test_id("coverage-rule")).to_contain_text("支部工作条例")
    expect(clerk.get_by_test_id("coverage-met").first).to_contain_text(cast.member.name)
    expect(clerk.get_by_test_id("coverage-missing").first).to_be_visible()


def test_the_groups_life_meeting_from_plan_to_findings(
    browser: Browser, site: str, demo_password: str,
) -> None:
    cast = _cast()
    today = timezone.localdate()
    clerk_user = User.objects.get(username="finance_clerk")
    clerk = sign_in(browser, site, "finance_clerk", demo_password)
    clerk.goto(f"{site}/orglife/life-meetings/new/")
    clerk.get_by_label("会议主题").fill("年度民主生活会")
    clerk.get_by_label("计划召开日期").fill(str(today))
    clerk.get_by_label("工作方案").fill("学习研讨、征求意见、谈心谈话、撰写材料")
    clerk.get_by_role("button", name="保存方案").click()
    expect(clerk.get_by_test_id("fields")).to_contain_text("已制定方案")
    clerk.get_by_role("button", name="征求意见").click()
    clerk.get_by_label("征求意见条数").fill("8")
    clerk.get_by_label("征求意见情况").fill("收集意见建议8条")
    clerk.get_by_role("button", name="提交").click()
    expect(clerk.get_by_test_id("fields")).to_contain_text("已征求意见")
    meeting = LifeMeeting.objects.get()
    talk = talk_create(actor=clerk_user, organization=cast.group, talker=cast.group_secretary,
                       talkee=cast.group_members[0], kind="民主生活会前",
                       held_on=today - timedelta(days=2))
    clerk.get_by_role("button", name="谈心谈话").click()
    clerk.get_by_label(str(talk)).check()
    clerk.get_by_role("button", name="提交").click()
    expect(clerk.get_by_test_id("fields")).to_contain_text("已开展谈心谈话")
    meeting.refresh_from_db()
    lm.life_meeting_materials(actor=clerk_user, meeting=meeting, materials_on=today,
                              materials="对照检查材料")
    lm.life_meeting_hold(actor=clerk_user, meeting=meeting, held_on=today,
                         attendees=[cast.group_secretary, *cast.group_members])
    clerk.goto(f"{site}/orglife/life-meetings/{meeting.pk}/rectify/")
    clerk.get_by_label("第1项 查摆问题").fill("联系服务群众不够经常")
    clerk.get_by_label("第1项 问题类别").select_option("作风建设")
    clerk.get_by_label("第1项 严重程度").select_option("一般")
    clerk.get_by_label("第1项 整改措施").fill("每月接待来访群众1次")
    clerk.get_by_label("第1项 责任人").select_option(label=cast.group_members[0].name)
    clerk.get_by_label("第1项 完成时限").fill(str(today + timedelta(days=60)))
    clerk.get_by_label("第1项 完成标准").fill("接待记录完整")
    clerk.get_by_role("button", name="提交").click()
    expect(clerk.get_by_test_id("fields")).to_contain_text(LifeMeetingStage.RECTIFYING)
    clerk.get_by_role("link", name="查看问题").click()
    expect(clerk.get_by_test_id("fields")).to_contain_text("民主生活会查摆")
    expect(clerk.get_by_test_id("fields")).to_contain_text("联系服务群众不够经常")
