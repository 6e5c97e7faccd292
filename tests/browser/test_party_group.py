"""Issue 13 in the browser: the clerk records a 党组（党委）会议 with tagged 议题 and a 党课
given by the vice head in charge (picked by typing, though outside the clerk's scope); the
meeting page shows both, and the responsibility list then says 自动取证 with the meeting linked."""

import re
from datetime import timedelta
from urllib.parse import quote

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from dangjian.access.models import User
from dangjian.duties.services.lists import responsibility_list_create
from dangjian.orglife.models import Meeting
from dangjian.orgs.models import Organization

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
GROUP, BRANCH = "县财政局党组", "县财政局机关第一党支部"
SEARCH = "输入名称或拼音首字母查找"


def _as(browser: Browser, site: str, username: str, password: str, path: str) -> Page:
    page = browser.new_page()
    page.goto(f"{site}/login/?next={quote(path)}")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_test_id("current-user")).to_be_visible()
    return page


def test_the_clerk_records_a_party_group_meeting_with_tagged_items_and_the_list_is_proven(
    browser: Browser, site: str, demo_password: str
) -> None:
    group = Organization.objects.get(name=GROUP)
    rlist = responsibility_list_create(actor=User.objects.get(username="finance_clerk"),
                                       organization=group, year=timezone.localdate().year)
    day = timezone.localdate() - timedelta(days=1)
    clerk = _as(browser, site, "finance_clerk", demo_password,
                f"/orglife/meetings/new/?organization={group.pk}&kind={quote('党组会议')}")
    expect(clerk.get_by_label("会议类型")).to_have_value("党组会议")
    agenda = clerk.get_by_test_id("agenda")
    clerk.get_by_label("会议日期").fill(str(day))
    agenda.get_by_label("第1个议题", exact=True).fill("专题研究全面从严治党工作")
    agenda.get_by_label("第1个议题：全面从严治党").check()
    agenda.get_by_label("第2个议题", exact=True).fill("听取机关党委党建工作汇报")
    agenda.get_by_label("第2个议题：党建工作汇报").check()
    clerk.get_by_role("button", name="登记", exact=True).click()
    expect(clerk.get_by_role("alert")).to_contain_text("已登记")
    meeting = Meeting.objects.get(organization=group, kind="党组会议", held_on=day)
    expect(clerk.get_by_test_id("agenda-1")).to_contain_text("全面从严治党")
    expect(clerk.get_by_test_id("agenda-2")).to_contain_text("党建工作汇报")
    clerk.goto(f"{site}/duties/lists/{rlist.pk}/")
    study = rlist.items.get(template_key="org.study")
    expect(clerk.get_by_test_id(f"proof-{study.pk}")).to_have_text("自动取证")
    item = clerk.get_by_test_id(f"item-{study.pk}")
    expect(item.get_by_role("link", name="专题研究全面从严治党工作")).to_have_attribute(
        "href", f"/orglife/meetings/{meeting.pk}/")
    report = rlist.items.get(template_key="org.report")
    expect(clerk.get_by_test_id(f"proof-{report.pk}")).to_have_text("手工登记")


def test_the_clerk_names_the_vice_head_in_charge_as_a_lecturer_by_typing(
    browser: Browser, site: str, demo_password: str
) -> None:
    branch = Organization.objects.get(name=BRANCH)
    vice = User.objects.get(username="vice_head").person
    assert vice is not None
    clerk = _as(browser, site, "finance_clerk", demo_password,
                f"/orglife/meetings/new/?organization={branch.pk}&kind={quote('党课')}")
    lecturer = clerk.get_by_test_id("lecturer")
    search = lecturer.get_by_role("combobox", name=SEARCH)
    search.click()
    search.press_sequentially(vice.name)
    option = lecturer.locator(".picker-list").get_by_role("option").first
    expect(option).to_contain_text(vice.name)
    search.press("ArrowDown")
    search.press("Enter")
    expect(search).to_have_value(re.compile(f"^{vice.name}"))
    lecturer.get_by_label("授课人来自").select_option(label="分管领域")
    day = timezone.localdate() - timedelta(days=2)
    clerk.get_by_label("会议日期").fill(str(day))
    clerk.get_by_label("议题", exact=True).fill("分管县领导讲党课：弘扬优良作风")
    clerk.get_by_role("button", name="登记", exact=True).click()
    expect(clerk.get_by_role("alert")).to_contain_text("已登记")
    meeting = Meeting.objects.get(organization=branch, kind="党课", held_on=day,
                                  topic="分管县领导讲党课：弘扬优良作风")
    assert meeting.lecturer == vice and meeting.lecturer_reach == "分管领域"
    expect(clerk.get_by_test_id("fields")).to_contain_text(vice.name)
