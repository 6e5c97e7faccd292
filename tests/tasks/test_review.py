"""The review page: edit, drop, merge, split, assign, then confirm into tasks."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.tasks.matching import charged_leader
from dangjian.tasks.models import Plan, Proposal, Task
from tests.refused_forms import summary_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(api_as: Callable[[str], APIClient], government: Organization, speech: str,
         today: date) -> Plan:
    response = api_as("county_head").post("/api/v1/plans/", {
        "organization": government.pk, "kind": "讲话", "year": today.year, "text": speech},
        format="json")
    return Plan.objects.get(pk=response.json()["id"])


@pytest.fixture
def head(user: Callable[[str], User]) -> Client:
    client = Client()
    client.force_login(user("county_head"))
    return client


def _proposals(plan: Plan) -> list[Proposal]:
    return list(Proposal.objects.filter(revision__plan=plan).order_by("position"))


def test_the_review_page_lists_every_proposal_with_its_choices(head: Client,
                                                               plan: Plan) -> None:
    html = head.get(f"/tasks/plans/{plan.pk}/review/").content.decode()
    assert html.count('data-testid="proposal-') == 13
    assert "文中责任主体：派驻纪检监察组" in html and "县财政局" in html
    assert "确认生成13项督办任务" in html


def test_choosing_a_lead_unit_brings_its_leader_in_charge(head: Client, plan: Plan) -> None:
    first = _proposals(plan)[0]
    finance = Organization.objects.get(name="县财政局")
    response = head.post(f"/tasks/plans/{plan.pk}/proposals/{first.pk}/", {
        "title": "细化廉政责任清单", "text": first.text, "lead_unit": finance.pk,
        "co_units": [Organization.objects.get(name="县审计局").pk], "due_on": "2026-12-31"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.title == "细化廉政责任清单" and first.lead_unit == finance
    assert first.leader == charged_leader(finance) and first.co_units.get().name == "县审计局"


def test_drop_merge_and_split_reshape_the_proposals(head: Client, plan: Plan) -> None:
    proposals = _proposals(plan)
    head.post(f"/tasks/plans/{plan.pk}/proposals/{proposals[12].pk}/drop/")
    head.post(f"/tasks/plans/{plan.pk}/proposals/{proposals[0].pk}/merge/")
    merged = Proposal.objects.get(pk=proposals[0].pk)
    assert merged.text.endswith(proposals[1].text) and not Proposal.objects.filter(
        pk=proposals[1].pk).exists()
    head.post(f"/tasks/plans/{plan.pk}/proposals/{merged.pk}/split/", {"at": "3"})
    after = _proposals(plan)
    assert after[0].text == proposals[0].text and after[1].text == proposals[1].text
    assert after[1].title == "传导压力到位" and after[1].position == 2
    page = head.get(f"/tasks/plans/{plan.pk}/review/").content.decode()
    assert "确认生成12项督办任务" in page  # 13, one dropped


def test_bulk_assignment_then_confirmation_makes_the_tasks(
    head: Client, plan: Plan, user: Callable[[str], User], today: date,
) -> None:
    education = Organization.objects.get(name="县教育局")
    due = today + timedelta(days=17)
    response = head.post(f"/tasks/plans/{plan.pk}/assign/", {
        "all": "1", "lead_unit": education.pk, "due_on": str(due)})
    assert response.status_code == 302
    confirmed = head.post(f"/tasks/plans/{plan.pk}/confirm/")
    assert confirmed["Location"] == f"/tasks/plans/{plan.pk}/"
    tasks = Task.objects.filter(plan=plan)
    assert tasks.count() == 13
    assert {(t.lead_unit, t.leader, t.due_on) for t in tasks} == {
        (education, charged_leader(education), due)}
    page = head.get(confirmed["Location"]).content.decode()
    assert page.count('data-testid="task-') == 13
    assert head.get(f"/tasks/plans/{plan.pk}/review/").status_code == 404  # nothing to review


def test_a_refused_confirmation_names_the_items_and_keeps_the_draft(head: Client,
                                                                    plan: Plan) -> None:
    response = head.post(f"/tasks/plans/{plan.pk}/confirm/", follow=True)
    # Named in the confirm form's red summary (issue 11 item 8), not in a banner.
    assert [str(m) for m in response.context["messages"]] == []
    summary = summary_of(response.content.decode())
    assert "第1条“细化责任清单”：未指定牵头单位" in summary
    assert not Task.objects.filter(plan=plan).exists()


def test_a_refused_plan_keeps_what_was_typed(head: Client, government: Organization) -> None:
    response = head.post("/tasks/plans/new/", {
        "organization": government.pk, "kind": "讲话", "year": "2026",
        "text": "这段话没有提纲，也不能丢"}, follow=True)
    html = response.content.decode()
    assert "未识别到提纲层次" in html and "这段话没有提纲，也不能丢" in html


def test_another_units_clerk_cannot_touch_the_review(user: Callable[[str], User],
                                                     plan: Plan) -> None:
    client = Client()
    client.force_login(user("edu_clerk"))
    first = _proposals(plan)[0]
    assert client.get(f"/tasks/plans/{plan.pk}/review/").status_code == 404
    assert client.post(f"/tasks/plans/{plan.pk}/proposals/{first.pk}/drop/").status_code == 404
    assert not Proposal.objects.get(pk=first.pk).dropped


def test_a_milestone_is_added_from_the_plan_page(head: Client, plan: Plan, today: date
                                                ) -> None:
    education = Organization.objects.get(name="县教育局")
    head.post(f"/tasks/plans/{plan.pk}/assign/", {"all": "1", "lead_unit": education.pk,
                                                  "due_on": str(today + timedelta(days=17))})
    head.post(f"/tasks/plans/{plan.pk}/confirm/")
    task = Task.objects.get(plan=plan, number=1)
    step = today + timedelta(days=7)
    page = head.post(f"/tasks/plans/{plan.pk}/milestones/", {
        "task": task.pk, "title": "形成责任清单", "due_on": str(step)}, follow=True)
    html = page.content.decode()
    assert "已为“细化责任清单”添加节点：形成责任清单" in html
    assert f"节点：形成责任清单（{step:%Y-%m-%d}）" in html


def test_a_deadline_already_past_is_shown_and_must_be_confirmed(
    head: Client, plan: Plan, today: date,
) -> None:
    education = Organization.objects.get(name="县教育局")
    late = today - timedelta(days=63)  # a "十一期间" read as a date gone by
    head.post(f"/tasks/plans/{plan.pk}/assign/", {
        "all": "1", "lead_unit": education.pk, "due_on": str(late)})
    page = head.get(f"/tasks/plans/{plan.pk}/review/").content.decode()
    assert 'data-testid="past-due"' in page and f"完成时限{late:%Y-%m-%d}" in page
    refused = head.post(f"/tasks/plans/{plan.pk}/confirm/", follow=True)
    assert [str(m) for m in refused.context["messages"]] == []
    summary = summary_of(refused.content.decode())
    assert "完成时限已经过去" in summary and "仍然确认" in summary
    assert '<a href="#confirm-accept_past_due">' in summary
    assert not Task.objects.filter(plan=plan).exists()
    confirmed = head.post(f"/tasks/plans/{plan.pk}/confirm/", {"accept_past_due": "on"})
    assert confirmed["Location"] == f"/tasks/plans/{plan.pk}/"
    assert {t.due_on for t in Task.objects.filter(plan=plan)} == {late}


def test_the_api_refuses_a_past_deadline_until_told_to_accept_it(
    api_as: Callable[[str], APIClient], plan: Plan, today: date, user: Callable[[str], User],
) -> None:
    head = api_as("county_head")
    proposals = head.get(f"/api/v1/plans/{plan.pk}/").json()["revisions"][0]["proposals"]
    finance = Organization.objects.get(name="县财政局")
    items = [{"path": p["path"], "title": p["title"], "text": p["text"],
              "targets": p["targets"], "lead_unit": finance.pk,
              "leader": user("vice_head").person_id, "deadline": "“十一”期间",
              "due_on": str(today - timedelta(days=1 if n == 0 else -30))}
             for n, p in enumerate(proposals)]
    url = f"/api/v1/plans/{plan.pk}/confirm/"
    refused = head.post(url, {"items": items}, format="json")
    assert refused.status_code == 400
    assert "第1条" in refused.json()["detail"] and "“十一”期间" in refused.json()["detail"]
    assert "第2条" not in refused.json()["detail"]  # only the late one is named
    assert not Task.objects.filter(plan=plan).exists()
    accepted = head.post(url, {"items": items, "accept_past_due": True}, format="json")
    assert accepted.status_code == 200, accepted.content
    assert Task.objects.filter(plan=plan).count() == len(items)
