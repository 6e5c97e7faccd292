"""The task registers' list and detail pages: filters, pagination, export of exactly the
filtered rows, scope, the actions a viewer may take now, 办理记录, and the to-dos' counts
equal to the rows their links show."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from dangjian.access.models import User
from dangjian.tasks.models import Task
from dangjian.tasks.todos import todos
from tests.web.walk import ROLES

pytestmark = pytest.mark.django_db



@pytest.fixture
def tasks(deploy: Callable[..., dict], speech: str) -> list[Task]:
    plan = deploy(speech)
    return list(Task.objects.filter(plan_id=plan["id"]).order_by("number"))


@pytest.mark.parametrize("path", ["/tasks/", "/tasks/tasks/", "/tasks/plans/",
                                  "/tasks/bulletins/"])
def test_every_task_page_answers_for_every_role(
    as_user: Callable[[str], Client], tasks: list[Task], path: str,
) -> None:
    for username in ROLES:
        response = as_user(username).get(path, {"sort": "-status"} if "tasks/t" in path else {})
        assert response.status_code == 200, (username, path)
    assert Client().get(path).status_code == 302


def test_the_task_list_pages_and_exports_the_filtered_rows(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    head = as_user("county_head")
    text = head.get("/tasks/tasks/").content.decode()
    assert "共 13 条，第 1/1 页" in text and "未启动 <b>13</b>" in text
    beyond = head.get("/tasks/tasks/", {"page": 99}).content.decode()
    assert "第 1/1 页" in beyond
    found = head.get("/tasks/tasks/", {"title": "问责"}).content.decode()
    assert found.count('data-testid="task-') == 1
    export = head.get("/tasks/tasks/", {"title": "问责", "export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(
        min_row=3, values_only=True))
    assert [row[2] for row in rows] == ["严肃问责追责"]


def test_a_unit_sees_its_own_tasks_and_another_unit_gets_404(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    task = tasks[0]
    assert as_user("finance_clerk").get(f"/tasks/tasks/{task.pk}/").status_code == 200
    assert as_user("edu_clerk").get(f"/tasks/tasks/{task.pk}/").status_code == 404
    assert as_user("edu_clerk").get(f"/tasks/plans/{task.plan_id}/").status_code == 404
    assert "共 0 条" in as_user("edu_clerk").get("/tasks/tasks/").content.decode()


def test_the_detail_offers_only_the_actions_allowed_now(
    as_user: Callable[[str], Client], tasks: list[Task], pdf: Any,
) -> None:
    task = tasks[0]
    clerk_page = as_user("finance_clerk").get(f"/tasks/tasks/{task.pk}/").content.decode()
    assert "报送进展" in clerk_page and "申请办结" in clerk_page
    assert "确认办结" not in clerk_page and "修订" not in clerk_page
    as_user("finance_clerk").post(f"/tasks/tasks/{task.pk}/report/", {
        "text": "已完成全部工作", "files": [pdf()], "request_completion": "on"})
    leader_page = as_user("vice_head").get(f"/tasks/tasks/{task.pk}/").content.decode()
    assert "确认办结" in leader_page and "报送进展" not in leader_page
    secretary = as_user("finance_secretary").get(f"/tasks/tasks/{task.pk}/").content.decode()
    assert "确认办结" not in secretary  # the unit does not certify itself
    assert "办理记录" in leader_page and "报送任务进展" in leader_page and " 于 " in leader_page
    assert "已完成全部工作" in leader_page and "进展佐证.pdf" in leader_page
    head_page = as_user("county_head").get(f"/tasks/tasks/{task.pk}/").content.decode()
    assert "修订" in head_page


def test_a_task_is_revised_on_its_own_page_and_a_refusal_keeps_the_input(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    task = tasks[0]
    head = as_user("county_head")
    assert 'data-testid="edit-form"' in head.get(f"/tasks/tasks/{task.pk}/edit/"
                                                 ).content.decode()
    assert as_user("finance_clerk").get(f"/tasks/tasks/{task.pk}/edit/").status_code == 403
    refused = head.post(f"/tasks/tasks/{task.pk}/edit/", {
        "due_on": "2099-01-01", "report_cycle": "每月", "report_day": "31"}, follow=True)
    page = refused.content.decode()
    assert "报送截止日应在1至28日之间" in page and 'value="2099-01-01"' in page
    done = head.post(f"/tasks/tasks/{task.pk}/edit/", {
        "due_on": "2099-01-01", "report_cycle": "每季度", "report_day": "20"}, follow=True)
    assert "已修订督办任务" in done.content.decode()
    assert Task.objects.get(pk=task.pk).report_cycle == "每季度"
    assert "修改督办任务" in done.content.decode()  # 办理记录


def test_the_plan_detail_lists_its_tasks_and_its_actions(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    plan_id = tasks[0].plan_id
    head = as_user("county_head").get(f"/tasks/plans/{plan_id}/").content.decode()
    assert head.count('data-testid="task-') == 13
    assert "修订" in head and "导入任务分解表" in head and "添加节点" in head
    assert "确认督办任务" in head  # 办理记录
    clerk = as_user("finance_clerk").get(f"/tasks/plans/{plan_id}/").content.decode()
    assert "修订" not in clerk and "添加节点" not in clerk


@pytest.mark.parametrize("username", ["finance_clerk", "finance_secretary", "vice_head"])
def test_each_todo_counts_the_rows_its_link_shows(
    as_user: Callable[[str], Client], user: Callable[[str], User], tasks: list[Task],
    pdf: Any, today: Any, username: str,
) -> None:
    from datetime import timedelta
    Task.objects.filter(pk=tasks[3].pk).update(due_on=today - timedelta(days=1))
    Task.objects.filter(pk=tasks[4].pk).update(due_on=today)
    as_user("finance_clerk").post(f"/tasks/tasks/{tasks[5].pk}/report/", {
        "text": "完成", "files": [pdf()], "request_completion": "on"})
    found = [t for t in todos(user(username)) if t.count]
    assert found, username
    client = as_user(username)
    for todo in found:
        page = client.get(todo.url).content.decode()
        assert f"共 {todo.count} 条" in page, (todo.label, todo.url)
