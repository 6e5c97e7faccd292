"""The task lifecycle: its explicit map, every forbidden move refused, who may move what."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from dangjian.tasks.models import Review, Task, TaskStatus
from dangjian.tasks.services.transitions import TRANSITIONS, check_move

pytestmark = pytest.mark.django_db

ALL = list(TaskStatus.values)


@pytest.mark.parametrize(("current", "new"), [
    (c, n) for c in ALL for n in ALL if n not in TRANSITIONS[c]
])
def test_every_forbidden_move_is_refused_by_name(current: str, new: str) -> None:
    with pytest.raises(ValidationError) as refused:
        check_move(current, new)
    assert f"任务不能从“{current}”变为“{new}”" in refused.value.messages[0]


def test_the_map_is_the_issues_lifecycle() -> None:
    assert TRANSITIONS[TaskStatus.NOT_STARTED] >= {TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE}
    assert TaskStatus.DONE in TRANSITIONS[TaskStatus.IN_PROGRESS]
    assert TaskStatus.DONE not in TRANSITIONS[TaskStatus.NOT_STARTED]  # report first
    assert TRANSITIONS[TaskStatus.DONE] == set() and TRANSITIONS[TaskStatus.WITHDRAWN] == set()


@pytest.fixture
def task(deploy: Callable[..., dict], speech: str) -> Task:
    plan = deploy(speech)
    found = Task.objects.filter(plan_id=plan["id"]).order_by("number").first()
    assert found is not None
    return found


def _url(task: Task, verb: str) -> str:
    return f"/api/v1/tasks/{task.pk}/{verb}/"


def test_only_the_lead_unit_reports(api_as: Callable[[str], APIClient], task: Task) -> None:
    for username in ["edu_clerk", "vice_head", "county_head", "member"]:
        response = api_as(username).post(_url(task, "progress"), {"text": "进展"},
                                         format="json")
        assert response.status_code in (403, 404), username
    assert not task.reports.exists()


def test_completion_needs_evidence_and_is_confirmed_by_the_assigning_side(
    api_as: Callable[[str], APIClient], task: Task, pdf: Any, user: Callable[[str], Any],
) -> None:
    clerk = api_as("finance_clerk")
    refused = clerk.post(_url(task, "progress"), {"text": "已完成", "request_completion": True},
                         format="json")
    assert refused.status_code == 400 and "佐证材料" in refused.json()["detail"]
    assert not task.reports.exists()
    clerk.post(_url(task, "progress"), {"text": "已完成", "request_completion": "true",
                                        "file": pdf()}, format="multipart")
    # the unit that asked (its clerk, its secretary) never certifies itself; nor a bystander
    for username in ["finance_clerk", "finance_secretary", "county_head", "edu_clerk"]:
        response = api_as(username).post(_url(task, "review"), {"decision": "accept"},
                                         format="json")
        assert response.status_code in (403, 404), username
    assert Task.objects.get(pk=task.pk).status == TaskStatus.IN_PROGRESS
    assert task.leader_id == user("vice_head").person_id
    leader = api_as("vice_head")
    no_reason = leader.post(_url(task, "review"), {"decision": "return"}, format="json")
    assert no_reason.status_code == 400 and "理由" in no_reason.json()["detail"]
    back = leader.post(_url(task, "review"), {"decision": "return", "comment": "缺制度文件"},
                       format="json")
    assert back.json()["status"] == "推进中" and back.json()["completion_requested_on"] is None
    again = leader.post(_url(task, "review"), {"decision": "accept"}, format="json")
    assert again.status_code == 400 and "尚未申请办结" in again.json()["detail"]
    assert Review.objects.filter(task=task).count() == 1


def test_the_unit_secretary_cannot_approve_her_own_request(
    api_as: Callable[[str], APIClient], task: Task, pdf: Any,
) -> None:
    secretary = api_as("finance_secretary")
    asked = secretary.post(_url(task, "progress"), {"text": "已完成", "request_completion": "true",
                                                    "file": pdf()}, format="multipart")
    assert asked.status_code == 201, asked.content
    own = secretary.post(_url(task, "review"), {"decision": "accept"}, format="json")
    assert own.status_code == 403 and "本人" in own.json()["detail"]
    assert Task.objects.get(pk=task.pk).status == TaskStatus.IN_PROGRESS
    assert not Review.objects.filter(task=task).exists()


def test_nobody_approves_what_they_requested_even_the_confirmer(
    task: Task, user: Callable[[str], Any], pdf: Any,
) -> None:
    """The rule lives in the service: a confirmer who (somehow) asked cannot confirm."""
    from django.core.exceptions import PermissionDenied

    from dangjian.tasks.services.progress import task_review

    leader = user("vice_head")
    Task.objects.filter(pk=task.pk).update(
        status=TaskStatus.IN_PROGRESS, completion_requested_on=task.due_on,
        completion_requested_by=leader)
    with pytest.raises(PermissionDenied, match="本人"):
        task_review(actor=leader, task=Task.objects.get(pk=task.pk), decision="accept")
    assert Task.objects.get(pk=task.pk).status == TaskStatus.IN_PROGRESS


def test_the_county_may_have_its_supervision_office_confirm(
    api_as: Callable[[str], APIClient], task: Task, pdf: Any, settings: Any,
    user: Callable[[str], Any],
) -> None:
    from dangjian.access.models import RoleGrant
    from dangjian.access.roles import Role

    settings.DANGJIAN_TASKS = {"completion_confirmed_by": "office"}
    RoleGrant.objects.create(user=user("edu_clerk"), role=Role.UNIT_CLERK,
                             organization=task.plan.organization)
    api_as("finance_clerk").post(_url(task, "progress"), {
        "text": "已完成", "request_completion": "true", "file": pdf()}, format="multipart")
    leader = api_as("vice_head").post(_url(task, "review"), {"decision": "accept"},
                                      format="json")
    assert leader.status_code == 403 and "督查室" in leader.json()["detail"]
    office = api_as("edu_clerk").post(_url(task, "review"), {"decision": "accept"},
                                      format="json")
    assert office.status_code == 200 and office.json()["status"] == "已完成"


def test_a_finished_task_takes_no_more_reports(
    api_as: Callable[[str], APIClient], task: Task, pdf: Any,
) -> None:
    clerk = api_as("finance_clerk")
    clerk.post(_url(task, "progress"), {"text": "完成", "request_completion": "true",
                                        "file": pdf()}, format="multipart")
    api_as("vice_head").post(_url(task, "review"), {"decision": "accept"}, format="json")
    late = clerk.post(_url(task, "progress"), {"text": "补充"}, format="json")
    assert late.status_code == 400 and "“已完成”的任务不能再报送进展" in late.json()["detail"]


def test_a_stale_version_is_a_conflict(api_as: Callable[[str], APIClient], task: Task) -> None:
    clerk = api_as("finance_clerk")
    read = clerk.get(f"/api/v1/tasks/{task.pk}/").json()["version"]
    clerk.post(_url(task, "progress"), {"text": "第一次", "version": read}, format="json")
    stale = clerk.post(_url(task, "progress"), {"text": "第二次", "version": read},
                       format="json")
    assert stale.status_code == 409 and "刷新" in stale.json()["detail"]


def test_moving_an_overdue_deadline_later_reopens_the_task(
    api_as: Callable[[str], APIClient], task: Task, today: date,
) -> None:
    Task.objects.filter(pk=task.pk).update(status=TaskStatus.OVERDUE,
                                           due_on=today - timedelta(days=3))
    head = api_as("county_head")
    version = head.get(f"/api/v1/tasks/{task.pk}/").json()["version"]
    response = head.patch(f"/api/v1/tasks/{task.pk}/", {
        "version": version, "due_on": str(today + timedelta(days=30)), "report_day": 20},
        format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "未启动" and response.json()["report_day"] == 20
    clerk_edit = api_as("finance_clerk").patch(f"/api/v1/tasks/{task.pk}/", {
        "version": response.json()["version"], "report_day": 10}, format="json")
    assert clerk_edit.status_code == 403  # the deploying side adjusts tasks, not the unit


def test_a_milestone_is_added_and_done_by_a_report(
    api_as: Callable[[str], APIClient], task: Task, today: date,
) -> None:
    head = api_as("county_head")
    late = head.post(_url(task, "milestones"), {
        "title": "超出时限", "due_on": str(task.due_on + timedelta(days=1))}, format="json")
    assert late.status_code == 400 and "不能晚于任务完成时限" in late.json()["detail"]
    assert api_as("finance_clerk").post(_url(task, "milestones"), {
        "title": "制定方案", "due_on": str(today)}, format="json").status_code == 403
    added = head.post(_url(task, "milestones"), {"title": "制定方案", "due_on": str(today)},
                      format="json")
    assert added.status_code == 201, added.content
    assert head.get(f"/api/v1/tasks/{task.pk}/").json()["light"] == "yellow"
    api_as("finance_clerk").post(_url(task, "progress"), {
        "text": "方案已印发", "milestone": added.json()["id"]}, format="json")
    fresh = head.get(f"/api/v1/tasks/{task.pk}/").json()
    assert fresh["milestones"][0]["done_on"] == str(today) and fresh["light"] == "green"
