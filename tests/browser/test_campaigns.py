"""创建 in a browser: the village clerk declares a dimension of the demo's 五面红旗 campaign and
self-evaluates it; the township refuses a failure without a reason, then fails it with one."""

import pytest
from playwright.sync_api import Browser, expect

from dangjian.access.models import User
from dangjian.villages.models import CampaignEntry, EntryStage
from tests.browser.signin import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_village_declares_and_the_township_fails_it_with_a_reason(
    browser: Browser, site: str, demo_password: str, committed_demo: None
) -> None:
    village = User.objects.get(username="village_clerk").grants.get().organization
    clerk = sign_in(browser, site, "village_clerk", demo_password)
    clerk.get_by_role("link", name="创建活动", exact=True).click()
    clerk.get_by_role("link", name="五面红旗村创建").click()
    clerk.get_by_role("button", name="申报", exact=True).click()
    clerk.get_by_label("村/社区").select_option(str(village.pk))
    clerk.get_by_label("创建内容").select_option("产业发展")
    clerk.get_by_role("button", name="申报", exact=True).click()
    expect(clerk.get_by_text("已申报")).to_be_visible()
    clerk.get_by_test_id(f"entries-{village.pk}").get_by_role("link", name="自评").click()
    clerk.get_by_role("button", name="提交").click()
    entry = CampaignEntry.objects.get(organization=village, dimension="产业发展")
    assert entry.stage == EntryStage.SELF_EVALUATED

    town = sign_in(browser, site, "town_clerk", demo_password)
    town.goto(f"{site}/villages/campaigns/{entry.campaign_id}/")
    town.get_by_test_id(f"entries-{village.pk}").get_by_role("link", name="乡镇初验").click()
    town.get_by_label("结论").select_option("fail")
    town.get_by_role("button", name="提交").click()
    expect(town.get_by_role("alert")).to_contain_text("未通过须写明理由")
    town.get_by_label("意见（未通过须写理由）").fill("产业项目尚未投产")
    town.get_by_role("button", name="提交").click()
    expect(town.get_by_test_id(f"entries-{village.pk}")).to_contain_text("产业项目尚未投产")
    entry.refresh_from_db()
    assert entry.stage == EntryStage.FAILED
