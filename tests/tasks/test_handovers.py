"""The tasks' hand-overs: assignment to the lead unit, 申请办结 to the approver, the outcome
back to the lead unit, each once and with a link."""

from collections.abc import Callable
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.notifications.models import Notification
from dangjian.tasks.models import Task

pytestmark = pytest.mark.django_db


def inbox(user: Any, kind: str) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=kind).order_by("pk"))


@pytest.fixture
def task(deploy: Callable[..., dict], speech: str) -> Task:
    plan = deploy(speech)
    found = Task.objects.filter(plan_id=plan["id"]).order_by("number").first()
    assert found is not None
    return found


def _url(task: Task, verb: str) -> str:
    return f"/api/v1/tasks/{task.pk}/{verb}/"


def test_a_new_task_tells_the_lead_unit_and_its_leader(
    task: Task, user: Callable[[str], Any],
) -> None:
    [unit] = inbox(user("finance_clerk"), "task.assigned")
    assert unit.title.startswith("新的督办任务：") and unit.link.startswith("/tasks/")
    assert inbox(user("finance_secretary"), "task.assigned")
    assert inbox(user("edu_clerk"), "task.assigned") == []
    [leader] = inbox(user("vice_head"), "task.assigned")
    assert leader.title.startswith("您负责的督办任务：")


def test_asking_to_close_tells_the_approver_and_the_outcome_comes_back_to_the_unit(
    api_as: Callable[[str], APIClient], task: Task, pdf: Any, user: Callable[[str], Any],
) -> None:
    clerk, leader = api_as("finance_clerk"), api_as("vice_head")
    clerk.post(_url(task, "progress"), {"text": "已完成", "request_completion": "true",
                                        "file": pdf()}, format="multipart")
    [asked] = inbox(user("vice_head"), "task.completion_requested")
    assert asked.link == f"/tasks/tasks/{task.pk}/review/"
    leader.post(_url(task, "review"), {"decision": "return", "comment": "缺制度文件"},
                format="json")
    leader.post(_url(task, "review"), {"decision": "return", "comment": "缺制度文件"},
                format="json")  # twice: refused, not announced again
    [back] = inbox(user("finance_secretary"), "task.review_return")
    assert back.title == "督办任务办结申请被退回：缺制度文件" and "理由：缺制度文件" in back.body
    assert back.link == f"/tasks/tasks/{task.pk}/"
    assert inbox(user("edu_clerk"), "task.review_return") == []

    clerk.post(_url(task, "progress"), {"text": "已补充", "request_completion": "true"},
               format="json")
    assert len(inbox(user("vice_head"), "task.completion_requested")) == 2
    leader.post(_url(task, "review"), {"decision": "accept"}, format="json")
    [done] = inbox(user("finance_clerk"), "task.review_accept")
    assert done.title == "督办任务已确认办结"
