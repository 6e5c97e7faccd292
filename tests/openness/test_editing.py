"""Editing: a draft (a returned one too) is edited by its drafter and submitted again; nothing
past 拟稿 is edited, a published one never; the clerk edits and deactivates catalogue lines."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.openness.models import CatalogueItem, Disclosure

from .conftest import API

pytestmark = pytest.mark.django_db
CATALOGUE = "/api/v1/disclosure-catalogue/"


def _post(client: APIClient, pk: int, verb: str, **body: Any) -> Any:
    return client.post(f"{API}{pk}/{verb}/", body, format="json")


def test_a_returned_draft_is_edited_by_its_drafter_and_resubmitted(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    clerk, secretary = api_as("finance_clerk"), api_as("finance_secretary")
    assert _post(clerk, made["id"], "submit").status_code == 200
    assert _post(secretary, made["id"], "review", decision="return",
                 comment="删去个人信息").status_code == 200
    matter_on = (timezone.localdate() - timedelta(days=3)).isoformat()
    edited = clerk.patch(f"{API}{made['id']}/", {"body": "本季度党费收缴情况（已删去个人信息）",
                                                 "matter_on": matter_on}, format="json")
    assert edited.status_code == 200, edited.content
    assert edited.json()["body"].endswith("（已删去个人信息）")
    assert edited.json()["due_on"] > matter_on  # the due date follows the new matter date
    assert _post(clerk, made["id"], "submit").json()["status"] == "审核"
    event = AuditEvent.objects.filter(action="disclosure.edit", object_id=str(made["id"])).get()
    assert "删去个人信息" in str(event.after)


def test_only_the_drafter_edits_and_only_a_draft(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft(by="finance_secretary")
    clerk = api_as("finance_clerk")
    other = clerk.patch(f"{API}{made['id']}/", {"title": "改标题"}, format="json")
    assert other.status_code == 403 and "只有拟稿人" in other.json()["detail"]
    assert _post(api_as("finance_secretary"), made["id"], "submit").status_code == 200
    in_review = api_as("finance_secretary").patch(f"{API}{made['id']}/", {"title": "改"},
                                                  format="json")
    assert in_review.status_code == 400 and "不能修改" in str(in_review.json())
    assert Disclosure.objects.get(pk=made["id"]).title == made["title"]


def test_a_published_disclosure_is_never_edited(
    api_as: Callable[[str], APIClient], published: Callable[..., dict[str, Any]],
) -> None:
    done = published()
    for who in ("finance_clerk", "finance_secretary"):
        refused = api_as(who).patch(f"{API}{done['id']}/", {"body": "悄悄改掉"}, format="json")
        assert refused.status_code == 400
        assert "已公开（或已撤回）的公开事项不能修改" in str(refused.json())
    assert Disclosure.objects.get(pk=done["id"]).body == done["body"]


def test_bad_edits_change_nothing(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    clerk = api_as("finance_clerk")
    for bad in ({"title": " "}, {"audience": "全世界"}, {"title": "长" * 201},
                {"status": "已公开"}):
        response = clerk.patch(f"{API}{made['id']}/", bad, format="json")
        assert response.status_code == 400 or (
            "status" in bad and response.json()["status"] == "拟稿"), bad
    kept = Disclosure.objects.get(pk=made["id"])
    assert (kept.title, kept.audience, kept.status) == (made["title"], "向社会", "拟稿")


def test_another_unit_gets_a_404_and_a_leader_a_403(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    assert api_as("edu_clerk").patch(f"{API}{made['id']}/", {"title": "x"},
                                     format="json").status_code == 404


def _item(org: Callable[[str], Any], **extra: Any) -> dict[str, Any]:
    return {"organization": org("县财政局").pk, "year": timezone.localdate().year,
            "domain": "党务", "content": "党费收缴使用管理情况", "audience": "党内",
            "cadence": "每季", "channel": "公开栏", **extra}


def test_the_clerk_edits_and_deactivates_a_catalogue_line(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    clerk = api_as("finance_clerk")
    item = clerk.post(CATALOGUE, _item(org), format="json").json()
    edited = clerk.patch(f"{CATALOGUE}{item['id']}/", {"cadence": "每月", "inside_first": True},
                         format="json")
    assert edited.status_code == 200, edited.content
    assert (edited.json()["cadence"], edited.json()["inside_first"]) == ("每月", True)
    bad = clerk.patch(f"{CATALOGUE}{item['id']}/", {"domain": "政务"}, format="json")
    assert bad.status_code == 400 and "党务" in str(bad.json())
    assert api_as("vice_head").post(f"{CATALOGUE}{item['id']}/deactivate/").status_code in (
        403, 404)
    off = clerk.post(f"{CATALOGUE}{item['id']}/deactivate/")
    assert off.status_code == 200 and off.json()["active"] is False
    assert clerk.post(f"{CATALOGUE}{item['id']}/deactivate/").status_code == 400
    assert clerk.patch(f"{CATALOGUE}{item['id']}/", {"content": "x"},
                       format="json").status_code == 400
    refused = clerk.post(API, {"organization": org("县财政局").pk, "item": item["id"],
                               "title": "党费", "body": "情况", "matter_on":
                               timezone.localdate().isoformat()}, format="json")
    assert refused.status_code == 400 and "已停用" in str(refused.json())
    assert CatalogueItem.objects.get(pk=item["id"]).cadence == "每月"
