"""The pages of 督导检查, 专项整治 and the structured reply: list, detail with 办理记录, each
action a page of its own (issue 13)."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Campaign, CampaignPlan, Finding, Inspection, NoticeAction
from dangjian.oversight.services.campaigns import campaign_create
from dangjian.oversight.services.inspections import inspection_create
from tests.tasks.test_scope import _plan

pytestmark = pytest.mark.django_db



def _inspection(user: Callable[[str], User], org: Callable[[str], Organization]) -> Inspection:
    return inspection_create(
        actor=user("vice_head"), targets=[org("县财政局")], topics=["执行党章", "民主集中制"],
        inspected_on=timezone.localdate() - timedelta(days=1),
        items=[{"topic": "民主集中制", "text": "“三重一大”集体决策", "result": "不符合"}],
        report="检查报告正文")


def test_the_vice_head_records_an_inspection_on_its_page(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    vice = as_user("vice_head")
    page = vice.get("/oversight/inspections/new/").content.decode()
    assert "县财政局" in page and "县教育局" not in page
    day = str(timezone.localdate())
    response = vice.post("/oversight/inspections/new/", {
        "targets": [org("县财政局").pk], "topics": ["执行党章", "党内政治生活准则", "民主集中制"],
        "inspected_on": day, "item1_text": "按期换届", "item1_result": "符合",
        "report": "总体较好"})
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/oversight/inspections/{inspection.pk}/"
    detail = vice.get(response["Location"]).content.decode()
    assert "按期换届" in detail and "登记发现问题" in detail and "办理记录" in detail


def test_the_finding_page_registers_a_finding_of_the_inspection(
        as_user: Callable[[str], Client], user: Callable[[str], User],
        org: Callable[[str], Organization]) -> None:
    inspection = _inspection(user, org)
    url = f"/oversight/inspections/{inspection.pk}/findings/new/"
    vice = as_user("vice_head")
    assert "县财政局" in vice.get(url).content.decode()
    response = vice.post(url, {"organization": org("县财政局").pk, "category": "组织建设",
                               "severity": "一般", "description": "民主集中制执行不到位",
                               "discovered_on": str(inspection.inspected_on)})
    assert response.status_code == 302
    finding = Finding.objects.get()
    assert finding.inspection == inspection and finding.source.name == "督导检查"
    detail = vice.get(f"/oversight/inspections/{inspection.pk}/").content.decode()
    assert "民主集中制执行不到位" in detail


def test_others_are_refused_on_the_inspection_pages(
        as_user: Callable[[str], Client], user: Callable[[str], User],
        org: Callable[[str], Organization]) -> None:
    inspection = _inspection(user, org)
    url = f"/oversight/inspections/{inspection.pk}/findings/new/"
    clerk = as_user("finance_clerk")
    assert clerk.get(url).status_code == 403
    assert "登记发现问题" not in clerk.get(
        f"/oversight/inspections/{inspection.pk}/").content.decode()
    assert as_user("edu_clerk").get(url).status_code == 404
    assert as_user("inspector").get("/oversight/inspections/new/").status_code == 403
    clerk.post(url, {"organization": org("县财政局").pk, "category": "组织建设",
                     "severity": "一般", "description": "不该登记",
                     "discovered_on": str(inspection.inspected_on)})
    assert not Finding.objects.exists()


def test_the_inspection_list_shows_the_units_own(
        as_user: Callable[[str], Client], user: Callable[[str], User],
        org: Callable[[str], Organization]) -> None:
    _inspection(user, org)
    assert "inspection-" in as_user("finance_clerk").get(
        "/oversight/inspections/").content.decode()
    assert 'data-testid="inspection-' not in as_user("edu_clerk").get(
        "/oversight/inspections/").content.decode()


def test_the_inspector_runs_a_campaign_through_its_pages(
        as_user: Callable[[str], Client], user: Callable[[str], User],
        raise_finding: Callable[..., dict[str, Any]]) -> None:
    inspector = as_user("inspector")
    today = timezone.localdate()
    response = inspector.post("/oversight/campaigns/new/", {
        "name": "专项整治", "starts_on": str(today), "ends_on": str(today + timedelta(60)),
        "basis": "讲话"})
    campaign = Campaign.objects.get()
    assert response["Location"] == f"/oversight/campaigns/{campaign.pk}/"
    finding = raise_finding()
    page = inspector.get(f"/oversight/campaigns/{campaign.pk}/findings/").content.decode()
    assert finding["description"][:20] in page
    inspector.post(f"/oversight/campaigns/{campaign.pk}/findings/",
                   {"findings": [finding["id"]]})
    plan = _plan("县财政局")
    assert plan.title in inspector.get(
        f"/oversight/campaigns/{campaign.pk}/plans/").content.decode()
    inspector.post(f"/oversight/campaigns/{campaign.pk}/plans/", {"plan": plan.pk})
    assert CampaignPlan.objects.filter(campaign=campaign, plan_id=plan.pk).exists()
    detail = inspector.get(f"/oversight/campaigns/{campaign.pk}/").content.decode()
    assert 'data-testid="campaign-progress"' in detail and plan.title in detail
    assert finding["description"][:20] in detail
    assert "列入问题" in detail and "办理记录" in detail


def test_a_clerk_sees_no_campaign_actions(as_user: Callable[[str], Client],
                                          user: Callable[[str], User]) -> None:
    today = timezone.localdate()
    campaign = campaign_create(actor=user("inspector"), name="专项整治", starts_on=today,
                               ends_on=today, basis="讲话")
    assert as_user("county_head").get(
        f"/oversight/campaigns/{campaign.pk}/plans/").status_code == 403
    assert as_user("finance_clerk").get(f"/oversight/campaigns/{campaign.pk}/").status_code == 404


def test_the_reply_page_takes_structured_actions(
        as_user: Callable[[str], Client], user: Callable[[str], User],
        raise_finding: Callable[..., dict[str, Any]]) -> None:
    from dangjian.oversight.services.notices import (
        notice_acknowledge,
        notice_create,
        notice_issue,
    )

    today = timezone.localdate()
    notice = notice_create(actor=user("inspector"), recipient=user("vice_head").person,
                           findings=[Finding.objects.get(pk=raise_finding()["id"])],
                           reply_due=today + timedelta(days=5))
    notice_issue(actor=user("inspector"), notice=notice)
    notice_acknowledge(actor=user("vice_head"), notice=notice)
    vice = as_user("vice_head")
    url = f"/oversight/notices/{notice.pk}/reply/"
    secretary = user("finance_secretary").person_id
    assert f'value="{secretary}"' in vice.get(url).content.decode()
    response = vice.post(url, {"text": "已约谈", "action1_kind": "约谈提醒",
                               "action1_taken_on": str(today), "action1_person": secretary})
    assert response.status_code == 302
    action = NoticeAction.objects.get()
    assert (action.kind, action.person_id) == ("约谈提醒", secretary)
    detail = vice.get(f"/oversight/notices/{notice.pk}/").content.decode()
    assert "回复措施（一岗双责）" in detail and "约谈提醒" in detail
