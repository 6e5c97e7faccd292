"""创建 campaigns through the API: the county launches, the village declares and self-evaluates,
the township checks, the county accepts and names; and every refusal on the way."""

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization, OrgKind
from dangjian.villages.models import CampaignEntry, CreationCampaign, EntryStage
from tests.conftest import fixed_today

pytestmark = pytest.mark.django_db
CAMPAIGNS, ENTRIES = "/api/v1/campaigns/", "/api/v1/campaign-entries/"


def _county(user: Callable[[str], User]) -> Organization:
    return user("county_clerk").grants.get().organization


def _clerk_at(username: str, organization: Organization) -> APIClient:
    clerk = User.objects.create(username=username)
    clerk.grants.create(role="党务干事", organization=organization)
    client = APIClient()
    client.force_authenticate(clerk)
    return client


def _neighbour(village: Organization) -> Organization:
    """Another village of the same township: the campaign is then seen twice over in scope."""
    return Organization.objects.filter(kind=OrgKind.VILLAGE, path__startswith=village.path[
        :-Organization.steplen * 2]).exclude(pk=village.pk).first()


def _launch(api_as: Callable[[str], APIClient], user: Callable[[str], User],
            village: Organization) -> dict[str, Any]:
    answer = api_as("county_clerk").post(CAMPAIGNS, {
        "name": "五面红旗村创建", "kind": "五面红旗", "year": fixed_today().year,
        "organiser": _county(user).pk, "participants": [village.pk, _neighbour(village).pk],
        "basis": "县委关于开展五面红旗村创建的通知"}, format="json")
    assert answer.status_code == 201, answer.json()
    return dict(answer.json())


def _declared(api_as: Callable[[str], APIClient], user: Callable[[str], User],
              village: Organization) -> dict[str, Any]:
    campaign = _launch(api_as, user, village)
    answer = api_as("village_clerk").post(ENTRIES, {
        "campaign": campaign["id"], "organization": village.pk, "dimension": "产业发展"},
        format="json")
    assert answer.status_code == 201, answer.json()
    return dict(answer.json())


def _advance(api: APIClient, entry: dict[str, Any], decision: str = "pass",
             comment: str = "") -> Any:
    return api.post(f"{ENTRIES}{entry['id']}/advance/",
                    {"decision": decision, "comment": comment}, format="json")


def _checked(api_as: Callable[[str], APIClient], user: Callable[[str], User],
             village: Organization) -> dict[str, Any]:
    entry = _declared(api_as, user, village)
    assert _advance(api_as("village_clerk"), entry, comment="产业项目3个").status_code == 200
    assert _advance(api_as("town_clerk"), entry).status_code == 200
    return entry


def test_five_banners_get_their_five_dimensions_and_the_village_sees_the_campaign(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    campaign = _launch(api_as, user, village)
    assert campaign["dimensions"] == ["脱贫攻坚", "产业发展", "基层党建", "维护稳定", "美丽乡村"]
    seen = api_as("village_clerk").get(CAMPAIGNS).json()
    rows = seen["results"] if isinstance(seen, dict) else seen
    assert campaign["id"] in [c["id"] for c in rows]
    stranger = _clerk_at("other_town_clerk", Organization.objects.filter(
        kind=OrgKind.TOWNSHIP).exclude(pk=user("town_clerk").grants.get().organization_id)[0])
    assert stranger.get(f"{CAMPAIGNS}{campaign['id']}/").status_code == 404


def test_an_entry_goes_from_declaration_to_naming(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    entry = _checked(api_as, user, village)
    assert _advance(api_as("county_clerk"), entry).json()["stage"] == EntryStage.COUNTY_ACCEPTED
    other_county_clerk = _clerk_at("county_clerk_2", _county(user))
    named = _advance(other_county_clerk, entry, comment="命名为产业发展红旗村")
    assert named.status_code == 200, named.json()
    assert named.json()["stage"] == EntryStage.NAMED
    assert [s["stage"] for s in named.json()["steps"]] == [
        "申报", "自评", "乡镇初验", "县验收", "命名"]
    assert AuditEvent.objects.filter(action="campaign_entry.advance").count() == 4
    assert _advance(other_county_clerk, entry).status_code == 400  # 命名 ends it


def test_a_failure_needs_a_reason(api_as: Callable[[str], APIClient],
                                  user: Callable[[str], User], village: Organization) -> None:
    entry = _declared(api_as, user, village)
    _advance(api_as("village_clerk"), entry)
    town = api_as("town_clerk")
    answer = _advance(town, entry, "fail", "  ")
    assert answer.status_code == 400
    assert "未通过须写明理由" in str(answer.json())
    assert CampaignEntry.objects.get(pk=entry["id"]).stage == EntryStage.SELF_EVALUATED
    failed = _advance(town, entry, "fail", "产业项目未落地")
    assert failed.json()["stage"] == EntryStage.FAILED
    assert failed.json()["steps"][-1] == {**failed.json()["steps"][-1], "stage": "乡镇初验",
                                          "passed": False, "comment": "产业项目未落地"}


def test_a_step_out_of_order_is_refused(api_as: Callable[[str], APIClient],
                                        user: Callable[[str], User],
                                        village: Organization) -> None:
    entry = _declared(api_as, user, village)
    county = api_as("county_clerk")
    answer = _advance(county, entry)  # 验收 before the village's 自评
    assert answer.status_code == 403
    _advance(api_as("village_clerk"), entry)
    answer = _advance(county, entry)  # 验收 before the township's 初验
    assert answer.status_code == 403
    assert "乡镇" in answer.json()["detail"]
    assert CampaignEntry.objects.get(pk=entry["id"]).stage == EntryStage.SELF_EVALUATED


def test_the_declarer_cannot_check_his_own_declaration(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    campaign = _launch(api_as, user, village)
    town = api_as("town_clerk")  # a township clerk may declare for a village of his township
    entry = town.post(ENTRIES, {"campaign": campaign["id"], "organization": village.pk,
                                "dimension": "基层党建"}, format="json").json()
    _advance(api_as("village_clerk"), entry)
    answer = _advance(town, entry)
    assert answer.status_code == 403
    assert "同一人不能连续办理" in answer.json()["detail"]
    assert CampaignEntry.objects.get(pk=entry["id"]).stage == EntryStage.SELF_EVALUATED


def test_the_same_county_clerk_cannot_accept_and_name(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    entry = _checked(api_as, user, village)
    county = api_as("county_clerk")
    _advance(county, entry)
    answer = _advance(county, entry)
    assert answer.status_code == 403
    assert CampaignEntry.objects.get(pk=entry["id"]).stage == EntryStage.COUNTY_ACCEPTED


def test_another_townships_clerk_does_not_find_the_entry(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    entry = _declared(api_as, user, village)
    _advance(api_as("village_clerk"), entry)
    other = Organization.objects.filter(kind=OrgKind.TOWNSHIP).exclude(
        pk=user("town_clerk").grants.get().organization_id).first()
    stranger = _clerk_at("other_town_clerk", other)
    assert _advance(stranger, entry).status_code == 404
    answer = stranger.post(ENTRIES, {"campaign": entry["campaign"], "organization": village.pk,
                                     "dimension": "美丽乡村"}, format="json")
    assert answer.status_code == 400
    assert "不在您的范围内" in str(answer.json())


def test_roles_below_the_county_cannot_launch(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    body = {"name": "森林管护区创建", "kind": "森林管护区", "year": fixed_today().year,
            "organiser": village.pk, "participants": [village.pk], "dimensions": ["管护"]}
    for username in ("town_clerk", "village_clerk"):
        answer = api_as(username).post(CAMPAIGNS, body, format="json")
        assert answer.status_code == 403
        assert "仅县级" in answer.json()["detail"]
    assert not CreationCampaign.objects.filter(name="森林管护区创建").exists()


def test_the_same_dimension_declared_twice_is_refused(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    entry = _declared(api_as, user, village)
    answer = api_as("village_clerk").post(ENTRIES, {
        "campaign": entry["campaign"], "organization": village.pk, "dimension": "产业发展"},
        format="json")
    assert answer.status_code == 400
    assert "已申报" in str(answer.json())
    assert CampaignEntry.objects.count() == 1


def test_the_same_step_twice_in_a_row_moves_once(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    entry = _declared(api_as, user, village)
    clerk = api_as("village_clerk")
    assert _advance(clerk, entry).status_code == 200
    assert _advance(clerk, entry).status_code == 403  # the next step is the township's
    assert CampaignEntry.objects.get(pk=entry["id"]).steps.count() == 2


def test_a_dimension_outside_the_campaign_is_refused(
        api_as: Callable[[str], APIClient], user: Callable[[str], User],
        village: Organization) -> None:
    campaign = _launch(api_as, user, village)
    answer = api_as("village_clerk").post(ENTRIES, {
        "campaign": campaign["id"], "organization": village.pk, "dimension": "森林防火"},
        format="json")
    assert answer.status_code == 400
    assert "没有创建内容" in str(answer.json())
