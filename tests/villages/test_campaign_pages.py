"""创建 pages: the county launches, the village declares, each step advances on its page; the
pages refuse what the API refuses, with the same message."""

from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.orgs.models import Organization, OrgKind
from dangjian.villages.models import CampaignEntry, CreationCampaign, EntryStage
from tests.conftest import fixed_today

pytestmark = pytest.mark.django_db


def _neighbour(village: Organization) -> Organization:
    """Another village of the same township: the campaign is then seen twice over in scope."""
    return Organization.objects.filter(kind=OrgKind.VILLAGE, path__startswith=village.path[
        :-Organization.steplen * 2]).exclude(pk=village.pk).first()


def _launched(page_as: Callable[[str], Client], village: Organization) -> CreationCampaign:
    page_as("county_clerk").post("/villages/campaigns/new/", {
        "name": "五面红旗村创建（试点）", "kind": "五面红旗", "year": fixed_today().year,
        "participants": [village.pk, _neighbour(village).pk], "dimensions": ""})
    return CreationCampaign.objects.latest("pk")


def test_the_county_launches_the_village_declares_and_the_entry_is_named(
        page_as: Callable[[str], Client], user: Callable[[str], User],
        village: Organization) -> None:
    assert page_as("county_clerk").get("/villages/campaigns/new/").status_code == 200
    campaign = _launched(page_as, village)
    assert campaign.dimensions[0] == "脱贫攻坚"
    clerk = page_as("village_clerk")
    assert "五面红旗村创建（试点）" in clerk.get("/villages/campaigns/").content.decode()
    clerk.post(f"/villages/campaigns/{campaign.pk}/declare/",
               {"organization": village.pk, "dimension": "美丽乡村"})
    entry = CampaignEntry.objects.get()
    url = f"/villages/campaign-entries/{entry.pk}/advance/"
    clerk.post(url, {"decision": "pass", "comment": "自评达标"})
    town = page_as("town_clerk")
    detail = town.get(f"/villages/campaigns/{campaign.pk}/").content.decode()
    assert f'href="{url}">乡镇初验' in detail
    refused = town.post(url, {"decision": "fail", "comment": ""}, follow=True)
    assert "未通过须写明理由" in refused.content.decode()
    town.post(url, {"decision": "pass"})
    page_as("county_clerk").post(url, {"decision": "pass"})
    other = User.objects.create(username="county_clerk_2")
    county = user("county_clerk").grants.get().organization
    other.grants.create(role="党务干事", organization=county)
    named = Client()
    named.force_login(other)
    named.post(url, {"decision": "pass", "comment": "命名"})
    entry.refresh_from_db()
    assert entry.stage == EntryStage.NAMED
    detail = clerk.get(f"/villages/campaigns/{campaign.pk}/").content.decode()
    assert f"entries-{village.pk}" in detail and "命名" in detail


def test_the_village_clerk_is_refused_the_launch_page_with_the_apis_reason(
        page_as: Callable[[str], Client]) -> None:
    page = page_as("village_clerk").get("/villages/campaigns/new/")
    assert page.status_code == 403
    assert "仅县级的党务干事或书记可以发起" in page.content.decode()


def test_the_county_is_refused_the_self_evaluation(page_as: Callable[[str], Client],
                                                  village: Organization) -> None:
    campaign = _launched(page_as, village)
    page_as("village_clerk").post(f"/villages/campaigns/{campaign.pk}/declare/",
                                  {"organization": village.pk, "dimension": "美丽乡村"})
    entry = CampaignEntry.objects.get()
    page = page_as("county_clerk").get(f"/villages/campaign-entries/{entry.pk}/advance/")
    assert page.status_code == 403
    assert "仅本村（社区）或所属乡镇" in page.content.decode()


def test_another_townships_clerk_does_not_find_the_entry(
        page_as: Callable[[str], Client], user: Callable[[str], User],
        village: Organization) -> None:
    campaign = _launched(page_as, village)
    page_as("village_clerk").post(f"/villages/campaigns/{campaign.pk}/declare/",
                                  {"organization": village.pk, "dimension": "美丽乡村"})
    entry = CampaignEntry.objects.get()
    other = Organization.objects.filter(kind=OrgKind.TOWNSHIP).exclude(
        pk=user("town_clerk").grants.get().organization_id).first()
    stranger = User.objects.create(username="other_town_clerk")
    stranger.grants.create(role="党务干事", organization=other)
    client = Client()
    client.force_login(stranger)
    assert client.get(f"/villages/campaign-entries/{entry.pk}/advance/").status_code == 404
    assert client.get(f"/villages/campaigns/{campaign.pk}/").status_code == 404
