"""专项整治: campaigns with findings, measures and plans, and their progress (issue 13)."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.core import linked
from dangjian.oversight.models import Campaign, CampaignPlan, Finding, Measure
from dangjian.oversight.models.measures import MeasureStatus
from dangjian.tasks.models.tasks import TaskStatus
from tests.tasks.test_scope import _plan, _task

pytestmark = pytest.mark.django_db


def _body(today: date, **extra: Any) -> dict[str, Any]:
    return {"name": "党内政治生活不规范不严肃不经常问题专项整治",
            "starts_on": str(today - timedelta(days=30)), "ends_on": str(today + timedelta(90)),
            "basis": "县政府党组党建工作会议讲话：持续加大专项整治力度", **extra}


@pytest.fixture
def campaign(api_as: Callable[[str], APIClient], today: date) -> dict[str, Any]:
    response = api_as("inspector").post("/api/v1/rectification-campaigns/", _body(today),
                                        format="json")
    assert response.status_code == 201, response.content
    return dict(response.json())


def test_the_inspector_launches_a_campaign(campaign: dict[str, Any]) -> None:
    assert campaign["progress"] == {
        "findings_open": 0, "findings_closed": 0, "measures_closed_on_time": 0,
        "measures_closed_late": 0, "measures_open_on_time": 0, "measures_overdue": 0,
        "plans": 0, "tasks_done": 0, "tasks_total": 0}


@pytest.mark.parametrize("who", ["vice_head", "finance_clerk", "county_head", "assessor"])
def test_others_may_not_launch_one(who: str, api_as: Callable[[str], APIClient],
                                   today: date) -> None:
    response = api_as(who).post("/api/v1/rectification-campaigns/", _body(today),
                                format="json")
    assert response.status_code == 403
    assert not Campaign.objects.exists()


def test_the_same_name_twice_is_refused(campaign: dict[str, Any],
                                        api_as: Callable[[str], APIClient],
                                        today: date) -> None:
    response = api_as("inspector").post("/api/v1/rectification-campaigns/", _body(today),
                                        format="json")
    assert response.status_code == 400
    assert "已有名为" in response.content.decode()
    assert Campaign.objects.count() == 1


def test_a_period_ending_before_it_starts_is_refused(api_as: Callable[[str], APIClient],
                                                     today: date) -> None:
    body = _body(today, ends_on=str(today - timedelta(days=31)))
    response = api_as("inspector").post("/api/v1/rectification-campaigns/", body,
                                        format="json")
    assert response.status_code == 400
    assert "结束日期不能早于开始日期" in response.content.decode()


def test_findings_measures_and_plans_count_in_its_progress(
        campaign: dict[str, Any], api_as: Callable[[str], APIClient],
        raise_finding: Callable[..., dict[str, Any]],
        add_measure: Callable[..., dict[str, Any]], today: date) -> None:
    inspector = api_as("inspector")
    url = f"/api/v1/rectification-campaigns/{campaign['id']}/"
    first, second = raise_finding(), raise_finding(category="作风建设")
    late = add_measure(first)
    add_measure(second)
    Measure.objects.filter(pk=late["id"]).update(due_on=today - timedelta(days=1))
    response = inspector.post(url + "findings/", {"findings": [first["id"], second["id"]]},
                              format="json")
    assert response.status_code == 200, response.content
    task = _task("县财政局")
    task.status = TaskStatus.DONE
    task.save()
    response = inspector.post(url + "plans/", {"plan": task.plan_id}, format="json")
    assert response.status_code == 201, response.content
    progress = response.json()["progress"]
    assert progress["findings_open"] == 2
    assert (progress["measures_overdue"], progress["measures_open_on_time"]) == (1, 1)
    assert (progress["plans"], progress["tasks_done"], progress["tasks_total"]) == (1, 1, 1)
    # the unit sees the campaign's figures over its own rows only; the findings filter too
    assert api_as("inspector").get(
        f"/api/v1/findings/?campaign={campaign['id']}").json()["count"] == 2


def test_a_finding_added_twice_or_to_a_second_campaign_is_refused(
        campaign: dict[str, Any], api_as: Callable[[str], APIClient],
        raise_finding: Callable[..., dict[str, Any]], today: date) -> None:
    inspector = api_as("inspector")
    finding = raise_finding()
    url = f"/api/v1/rectification-campaigns/{campaign['id']}/findings/"
    assert inspector.post(url, {"findings": [finding["id"]]}, format="json").status_code == 200
    again = inspector.post(url, {"findings": [finding["id"]]}, format="json")
    assert again.status_code == 400
    assert "已列入本专项整治" in again.content.decode()
    other = inspector.post("/api/v1/rectification-campaigns/", _body(today, name="另一个"),
                           format="json").json()
    moved = inspector.post(f"/api/v1/rectification-campaigns/{other['id']}/findings/",
                           {"findings": [finding["id"]]}, format="json")
    assert moved.status_code == 400
    assert Finding.objects.get(pk=finding["id"]).campaign_id == campaign["id"]


def test_a_plan_linked_twice_is_refused(campaign: dict[str, Any],
                                        api_as: Callable[[str], APIClient]) -> None:
    plan = _plan("县财政局")
    url = f"/api/v1/rectification-campaigns/{campaign['id']}/plans/"
    assert api_as("inspector").post(url, {"plan": plan.pk}, format="json").status_code == 201
    again = api_as("inspector").post(url, {"plan": plan.pk}, format="json")
    assert again.status_code == 400
    assert CampaignPlan.objects.count() == 1


def test_a_clerk_may_not_add_to_the_campaign(
        campaign: dict[str, Any], api_as: Callable[[str], APIClient],
        raise_finding: Callable[..., dict[str, Any]]) -> None:
    finding = raise_finding()
    clerk = api_as("finance_clerk")
    url = f"/api/v1/rectification-campaigns/{campaign['id']}/"
    assert clerk.get(url).status_code == 404  # the county's campaign is above his unit
    assert not Finding.objects.filter(pk=finding["id"], campaign__isnull=False).exists()


def test_the_registry_answers_only_what_the_viewer_may_see(user: Callable[[str], Any]) -> None:
    finance, education = _plan("县财政局"), _plan("县教育局")
    seen = linked.read("tasks.plan", [finance.pk, education.pk, 10**9], user("finance_clerk"))
    assert set(seen) == {finance.pk}
    assert linked.read("no.such.kind", [finance.pk], user("inspector")) == {}


def test_progress_counts_closed_measures_on_time_and_late(
        campaign: dict[str, Any], api_as: Callable[[str], APIClient],
        raise_finding: Callable[..., dict[str, Any]],
        add_measure: Callable[..., dict[str, Any]], today: date) -> None:
    finding = raise_finding()
    on_time, late = add_measure(finding), add_measure(finding)
    Measure.objects.filter(pk=on_time["id"]).update(status=MeasureStatus.CLOSED, closed_on=today)
    Measure.objects.filter(pk=late["id"]).update(status=MeasureStatus.CLOSED,
                                                 due_on=today - timedelta(days=2),
                                                 closed_on=today)
    Finding.objects.filter(pk=finding["id"]).update(campaign_id=campaign["id"])
    progress = api_as("inspector").get(
        f"/api/v1/rectification-campaigns/{campaign['id']}/").json()["progress"]
    assert (progress["measures_closed_on_time"], progress["measures_closed_late"]) == (1, 1)
