"""Yearly lists from the template: per body and per leader, with citations and cadence."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.duties.catalogue import CATALOGUE
from dangjian.duties.models import ResponsibilityItem
from dangjian.orgs.models import Organization

from .conftest import item_of

pytestmark = pytest.mark.django_db


def test_a_bodys_list_carries_the_template_with_citations(
    make_list: Callable[..., dict], finance_group: Organization, today: date,
) -> None:
    rlist = make_list(finance_group)
    assert rlist["holder"] == "党委（党组）" and rlist["person"] is None
    assert rlist["title"] == f"县财政局党组{today.year}年度全面从严治党主体责任清单"
    keys = [i["item"]["template_key"] for i in rlist["items"]]
    assert keys == [t.key for t in CATALOGUE if t.holder == "党委（党组）"]
    deploy = item_of(rlist, "org.deploy")["item"]
    assert "第六条" in deploy["citation"] and deploy["citation_status"] == "已核实"
    study = item_of(rlist, "org.study")["item"]
    assert (study["period"], study["times"], study["citation_status"]) == ("每年", 2, "待核实")
    assert AuditEvent.objects.filter(action="duties.list_create").exists()


def test_a_secretary_gets_the_four_in_person_duties(
    make_list: Callable[..., dict], finance_group: Organization, user: Callable[[str], User],
) -> None:
    rlist = make_list(finance_group, person=user("finance_secretary").person_id)
    assert rlist["holder"] == "书记" and rlist["title"].endswith("（第一责任人）")
    texts = [i["item"]["text"] for i in rlist["items"]]
    for phrase in ["重要工作亲自部署", "重大问题亲自过问", "重点环节亲自协调", "重要案件亲自督办"]:
        assert any(t.startswith(phrase) for t in texts), phrase
    assert all("第八条" in i["item"]["citation"] for i in rlist["items"]
               if i["item"]["category"] == "四个亲自")


def test_a_vice_head_keeps_his_own_one_post_two_duties_list(
    make_list: Callable[..., dict], user: Callable[[str], User],
    org: Callable[[str], Organization], api_as: Callable[[str], APIClient],
) -> None:
    government = org("示范县人民政府党组")
    rlist = make_list(government, person=user("vice_head").person_id, username="vice_head")
    assert rlist["holder"] == "班子成员" and rlist["title"].endswith("（一岗双责）")
    assert {i["item"]["category"] for i in rlist["items"]} >= {"一岗双责", "报告考核"}
    # His post is at the county party group, outside his 分管 subtree: his list is his own.
    assert api_as("vice_head").get(f"/api/v1/responsibility-lists/{rlist['id']}/"
                                   ).status_code == 200
    assert api_as("finance_clerk").get(f"/api/v1/responsibility-lists/{rlist['id']}/"
                                       ).status_code == 404


@override_settings(DANGJIAN_DUTIES={"hear_reports_per_year": 4})
def test_the_county_sets_how_often_reports_are_heard(
    make_list: Callable[..., dict], finance_group: Organization, user: Callable[[str], User],
) -> None:
    rlist = make_list(finance_group, person=user("finance_secretary").person_id)
    assert item_of(rlist, "sec.ask")["item"]["times"] == 4
    assert item_of(rlist, "sec.ask")["progress"]["required"] == 4


def test_local_items_are_added_and_template_items_adjusted(
    make_list: Callable[..., dict], finance_group: Organization,
    api_as: Callable[[str], APIClient],
) -> None:
    rlist = make_list(finance_group)
    clerk = api_as("finance_clerk")
    local = clerk.post("/api/v1/responsibility-items/", {
        "list": rlist["id"], "text": "每季度开展一次廉政风险点排查", "period": "每季度",
        "times": 1, "evidence_hint": "排查台账"}, format="json")
    assert local.status_code == 201, local.content
    assert local.json()["template_key"] == "" and local.json()["category"] == "本单位细化"
    study = item_of(rlist, "org.study")["item"]
    edited = clerk.patch(f"/api/v1/responsibility-items/{study['id']}/",
                         {"times": 4, "text": "党组会议每季度专题研究全面从严治党"},
                         format="json")
    assert edited.status_code == 200 and edited.json()["times"] == 4
    assert edited.json()["citation"] == study["citation"]  # the rule's citation stays
    off = clerk.patch(f"/api/v1/responsibility-items/{study['id']}/", {"active": False},
                      format="json")
    assert off.json()["active"] is False
    detail = clerk.get(f"/api/v1/responsibility-lists/{rlist['id']}/").json()
    assert study["id"] not in [i["item"]["id"] for i in detail["items"]]
    assert ResponsibilityItem.objects.get(pk=local.json()["id"]).list_id == rlist["id"]


def test_every_list_of_the_year_is_listed_by_year(
    make_list: Callable[..., dict], finance_group: Organization,
    api_as: Callable[[str], APIClient], today: date, org: Callable[[str], Organization],
) -> None:
    make_list(finance_group)
    make_list(finance_group, year=today.year - 1)
    rows = api_as("county_head").get("/api/v1/responsibility-lists/",
                                     {"organization": finance_group.pk}).json()["results"]
    assert sorted(r["year"] for r in rows) == [today.year - 1, today.year]
    assert Organization.objects.filter(pk=finance_group.pk).exists()
