"""Every task page form names every wrong field at once and keeps what was typed."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from dangjian.tasks.models import Bulletin, Milestone, Plan, Task
from tests.refused_forms import assert_every_field_named

pytestmark = pytest.mark.django_db



@pytest.fixture
def tasks(deploy: Callable[..., dict], speech: str) -> list[Task]:
    plan = deploy(speech)
    return list(Task.objects.filter(plan_id=plan["id"]).order_by("number"))


def test_a_refused_revision_names_the_date_and_the_day(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    task = tasks[0]
    before = (task.due_on, task.report_day)
    response = as_user("county_head").post(f"/tasks/tasks/{task.pk}/edit/", {
        "due_on": "2026年13月1日", "report_cycle": "每季度", "report_day": "二十"}, follow=True)
    html = assert_every_field_named(response, f"edit-{task.pk}",
                                    {"due_on": "完成时限", "report_day": "每期报送截止日"})
    assert 'value="2026年13月1日"' in html and 'value="二十"' in html
    assert '<option value="每季度" selected>' in html
    task.refresh_from_db()
    assert (task.due_on, task.report_day) == before


def test_a_refused_milestone_names_every_field(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    plan = tasks[0].plan_id
    response = as_user("county_head").post(f"/tasks/plans/{plan}/milestones/", {
        "task": "", "title": " ", "due_on": "明天"}, follow=True)
    html = assert_every_field_named(response, f"milestone-{plan}",
                                    {"task": "任务", "title": "节点", "due_on": "节点时限"})
    assert 'value="明天"' in html
    assert not Milestone.objects.filter(task__plan_id=plan).exists()


def test_a_refused_plan_names_the_unit_and_the_year(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    count = Plan.objects.count()
    response = as_user("county_head").post("/tasks/plans/new/", {
        "organization": "", "kind": "讲话", "year": "明年", "title": "保留的标题",
        "text": "一、抓好落实。"}, follow=True)
    html = assert_every_field_named(response, "plan",
                                    {"organization": "部署单位", "year": "年度"})
    assert 'value="保留的标题"' in html and "一、抓好落实。" in html and 'value="明年"' in html
    assert Plan.objects.count() == count


def test_a_refused_bulletin_names_the_scope_and_the_plan(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    response = as_user("county_head").post("/tasks/bulletins/new/", {
        "organization": "x", "plan": "999999"}, follow=True)
    assert_every_field_named(response, "bulletin",
                             {"organization": "通报范围", "plan": "工作部署"})
    assert not Bulletin.objects.exists()


def test_a_refused_review_names_the_comment(
    as_user: Callable[[str], Client], tasks: list[Task], pdf: Any,
) -> None:
    task = tasks[1]
    as_user("finance_clerk").post(f"/tasks/tasks/{task.pk}/report/", {
        "text": "已完成", "files": [pdf()], "request_completion": "on"})
    task.refresh_from_db()
    response = as_user("vice_head").post(f"/tasks/tasks/{task.pk}/review/", {
        "decision": "return", "comment": " ", "version": task.version}, follow=True)
    assert_every_field_named(response, f"review-{task.pk}", {"comment": "审核意见"})
    assert Task.objects.get(pk=task.pk).status == task.status


def test_a_refused_import_names_every_wrong_field(
    as_user: Callable[[str], Client], tasks: list[Task],
) -> None:
    from dangjian.tasks.models import ImportJob

    response = as_user("county_head").post("/tasks/import/start/", {
        "organization": "", "year": "下一年", "title": " "}, follow=True)
    html = assert_every_field_named(response, "import", {
        "organization": "部署单位", "year": "年度", "title": "标题", "file": "任务分解表"})
    assert 'value="下一年"' in html
    assert not ImportJob.objects.exists()


def _draft_plan(client: Client, speech: str, government: Any, today: Any) -> Plan:
    client.post("/tasks/plans/new/", {"organization": government.pk, "kind": "讲话",
                                      "year": today.year, "text": speech})
    return Plan.objects.latest("id")


def test_a_refused_proposal_names_every_wrong_field(
    as_user: Callable[[str], Client], speech: str, government: Any, today: Any,
) -> None:
    head = as_user("county_head")
    plan = _draft_plan(head, speech, government, today)
    proposal = plan.revisions.get().proposals.order_by("id").first()
    assert proposal is not None
    head.get(f"/tasks/plans/{plan.pk}/review/")  # shows, and so forgets, the success banner
    response = head.post(f"/tasks/plans/{plan.pk}/proposals/{proposal.pk}/", {
        "title": " ", "text": "保留这段内容", "lead_unit": "999999", "due_on": "年底"},
        follow=True)
    html = assert_every_field_named(response, f"proposal-{proposal.pk}", {
        "title": "任务", "lead_unit": "牵头单位", "due_on": "完成时限"})
    assert "保留这段内容" in html and 'value="年底"' in html
    proposal.refresh_from_db()
    assert proposal.title.strip() and proposal.text != "保留这段内容"


def test_a_refused_bulk_assignment_names_every_wrong_field(
    as_user: Callable[[str], Client], speech: str, government: Any, today: Any,
) -> None:
    head = as_user("county_head")
    plan = _draft_plan(head, speech, government, today)
    head.get(f"/tasks/plans/{plan.pk}/review/")
    proposals = plan.revisions.get().proposals.order_by("id")
    before = list(proposals.values_list("leader_id", "due_on"))
    response = head.post(f"/tasks/plans/{plan.pk}/assign/", {
        "all": "1", "leader": "x", "due_on": "2026-13-01"}, follow=True)
    html = assert_every_field_named(response, "assign",
                                    {"leader": "责任领导", "due_on": "完成时限"})
    assert 'value="2026-13-01"' in html
    assert list(proposals.values_list("leader_id", "due_on")) == before
