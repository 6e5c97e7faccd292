"""Organisational life through the pages: the clerk records a meeting from a template, the
secretary sees the branch's gaps with the article they break."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dangjian.orglife.models import Meeting
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
BRANCH = "县财政局机关第一党支部"


def _as(browser: Browser, site: str, username: str, password: str, start: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next={start}")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    return page


def test_the_clerk_records_a_meeting_by_ticking_names(
    browser: Browser, site: str, demo_password: str
) -> None:
    branch = Organization.objects.get(name=BRANCH)
    people = list(Person.objects.filter(organization=branch, party_status__in=[
        PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY]).order_by("pk"))
    absent = people[-1]
    clerk = _as(browser, site, "finance_clerk", demo_password, "/orglife/")
    expect(clerk.get_by_role("heading", name="组织生活")).to_be_visible()
    clerk.get_by_test_id("overview-links").get_by_role("button", name="登记会议").click()
    clerk.get_by_label("组织", exact=True).select_option(label=BRANCH)
    clerk.get_by_role("button", name="切换组织").click()
    clerk.get_by_role("link", name="支部党员大会").click()
    expect(clerk.get_by_label("会议类型")).to_have_value("支部党员大会")
    yesterday = timezone.localdate() - timedelta(days=1)
    clerk.get_by_label("会议日期").fill(str(yesterday))
    clerk.get_by_label(f"{absent.name}到会").uncheck()
    clerk.get_by_label(f"{absent.name}缺席原因").fill("外出培训")
    clerk.get_by_label("主持人").select_option(label=people[0].name)
    clerk.get_by_role("button", name="登记", exact=True).click()
    expect(clerk.get_by_role("alert")).to_contain_text(
        f"应到{len(people)}人，实到{len(people) - 1}人")
    meeting = Meeting.objects.get(organization=branch, kind="支部党员大会", held_on=yesterday)
    assert meeting.attendance.get(present=False).absence_reason == "外出培训"
    expect(clerk.get_by_test_id("fields")).to_contain_text("支部党员大会")  # its detail page
    expect(clerk.get_by_test_id("history")).to_contain_text("登记会议")
    clerk.get_by_role("button", name="返回列表").click()
    expect(clerk.get_by_test_id(f"meeting-{meeting.pk}")).to_contain_text("支部党员大会")


def test_the_secretary_sees_the_gaps_with_the_article(
    browser: Browser, site: str, demo_password: str
) -> None:
    secretary = _as(browser, site, "finance_secretary", demo_password, "/orglife/compliance/")
    expect(secretary.get_by_role("heading", name="“三会一课”落实情况")).to_be_visible()
    secretary.get_by_label("年度").select_option(str(timezone.localdate().year - 1))
    secretary.get_by_role("button", name="查看").click()
    gaps = secretary.get_by_test_id("compliance").locator("tr.gap")
    expect(gaps.first).to_be_visible()
    expect(secretary.get_by_test_id("compliance")).to_contain_text("第十一条")
    expect(secretary.get_by_test_id("summary")).to_contain_text("存在缺口")
