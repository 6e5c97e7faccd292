"""The overview's sections follow the roles: the leader's tasks, the clerk's monthly report,
the leader's confirmations of 办结, the county head's overview by leader and unit; the task
list filters, each action on its own page."""

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.tasks.models import ProgressEvidence, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(user: Callable[[str], User]) -> Callable[[str], Client]:
    def make(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return make


@pytest.fixture
def tasks(deploy: Callable[..., dict], speech: str) -> list[Task]:
    plan = deploy(speech)
    return list(Task.objects.filter(plan_id=plan["id"]).order_by("number"))


def _section(html: str, testid: str) -> str:
    start = html.index(f'data-testid="{testid}"')
    return html[start:html.find("</section>", start)]


def test_the_county_head_sees_the_overview_by_leader_and_unit(
    signed_in: Callable[[str], Client], tasks: list[Task], today: date,
) -> None:
    Task.objects.filter(pk=tasks[0].pk).update(due_on=today - timedelta(days=1))
    html = signed_in("county_head").get("/tasks/").content.decode()
    leaders = _section(html, "overview")
    assert tasks[0].leader.name in leaders and "县财政局" in leaders
    assert '<td class="light-red">1</td>' in leaders
    assert "录入讲话、工作要点或实施方案" in html and "生成并签发督查通报" in html
    assert "录入讲话、工作要点或实施方案" in signed_in("county_head").get(
        "/tasks/plans/new/").content.decode()


def test_the_clerk_reports_the_month_with_evidence_from_the_desk(
    signed_in: Callable[[str], Client], tasks: list[Task], pdf: Any, today: date,
) -> None:
    clerk = signed_in("finance_clerk")
    section = _section(clerk.get("/tasks/").content.decode(), "monthly-report")
    state = "待报送" if today.day <= 25 else "逾期未报"  # reports are due by the 25th
    assert section.count('data-testid="report-') == 13 and state in section
    assert "录入讲话" in clerk.get("/tasks/").content.decode()  # its own unit's plans
    task = tasks[0]
    form = clerk.get(f"/tasks/tasks/{task.pk}/report/").content.decode()
    assert 'data-testid="report-form"' in form and "本期进展" in form
    sent = clerk.post(f"/tasks/tasks/{task.pk}/report/", {
        "text": "本月召开专题会议", "percent": "30", "files": [pdf()],
        "version": task.version}, follow=True)
    assert sent.redirect_chain[-1][0] == f"/tasks/tasks/{task.pk}/"  # back to the task
    assert "进展已报送" in sent.content.decode()
    assert "本月召开专题会议" in sent.content.decode()  # the report under the task
    assert "本期已报送" in _section(clerk.get("/tasks/").content.decode(), "monthly-report")
    evidence = ProgressEvidence.objects.get(report__task=task)
    download = clerk.get(f"/tasks/evidence/{evidence.pk}/")
    assert download.status_code == 200
    assert signed_in("edu_clerk").get(f"/tasks/evidence/{evidence.pk}/").status_code == 404


def test_a_refused_report_keeps_its_text(signed_in: Callable[[str], Client],
                                         tasks: list[Task]) -> None:
    clerk = signed_in("finance_clerk")
    task = tasks[0]
    refused = clerk.post(f"/tasks/tasks/{task.pk}/report/", {
        "text": "这段进展不能丢", "percent": "40", "request_completion": "on"}, follow=True)
    page = refused.content.decode()
    assert refused.redirect_chain[-1][0] == f"/tasks/tasks/{task.pk}/report/"  # the form again
    assert "申请办结前请先上传佐证材料" in page and "这段进展不能丢" in page
    assert 'value="40"' in page and "checked" in page


def test_the_responsible_leader_confirms_from_the_desk(
    signed_in: Callable[[str], Client], tasks: list[Task], pdf: Any,
) -> None:
    task = tasks[1]
    signed_in("finance_clerk").post(f"/tasks/tasks/{task.pk}/report/", {
        "text": "已完成", "files": [pdf()], "request_completion": "on"})
    unit_page = signed_in("finance_secretary").get("/tasks/").content.decode()
    assert 'data-testid="to-review"' not in unit_page  # the unit does not certify itself
    leader = signed_in("vice_head")
    html = leader.get("/tasks/").content.decode()
    assert f'data-testid="review-{task.pk}"' in _section(html, "to-review")
    assert signed_in("finance_secretary").get(f"/tasks/tasks/{task.pk}/review/"
                                              ).status_code == 403
    assert "确认办结" in leader.get(f"/tasks/tasks/{task.pk}/review/").content.decode()
    task.refresh_from_db()
    done = leader.post(f"/tasks/tasks/{task.pk}/review/", {
        "decision": "accept", "version": task.version}, follow=True)
    assert "已同意办结" in done.content.decode()
    assert Task.objects.get(pk=task.pk).status == "已完成"
    assert 'data-testid="to-review"' not in leader.get("/tasks/").content.decode()


def test_the_vice_head_sees_his_tasks_red_first(
    signed_in: Callable[[str], Client], tasks: list[Task], today: date,
) -> None:
    Task.objects.filter(pk=tasks[5].pk).update(due_on=today - timedelta(days=1))
    section = _section(signed_in("vice_head").get("/tasks/").content.decode(), "my-tasks")
    first = section.index('data-testid="my-task-')
    assert section[first:].startswith(f'data-testid="my-task-{tasks[5].pk}"')
    assert "红灯" in section[first:first + 300]


def test_the_task_list_filters_by_light_and_status(signed_in: Callable[[str], Client],
                                                   tasks: list[Task], today: date) -> None:
    Task.objects.filter(pk=tasks[2].pk).update(due_on=today - timedelta(days=1))
    html = signed_in("county_head").get("/tasks/tasks/", {"light": "red"}).content.decode()
    assert html.count('data-testid="task-') == 1
    html = signed_in("county_head").get("/tasks/tasks/", {"status": "已完成"}).content.decode()
    assert "没有符合条件的记录" in html


def test_a_bulletin_is_issued_and_downloaded_from_the_desk(
    signed_in: Callable[[str], Client], tasks: list[Task], government: Any,
) -> None:
    head = signed_in("county_head")
    assert "通报范围" in head.get("/tasks/bulletins/new/").content.decode()
    page = head.post("/tasks/bulletins/new/", {"organization": government.pk},
                     follow=True).content.decode()
    assert "已签发督查通报 示督通〔" in page
    link = re.search(r"/tasks/bulletins/\d+/document\.docx", page).group(0)  # type: ignore[union-attr]
    document = head.get(link)
    assert document.status_code == 200 and document.content.startswith(b"PK")


def test_the_three_administrators_see_no_tasks(signed_in: Callable[[str], Client],
                                               tasks: list[Task]) -> None:
    html = signed_in("admin").get("/tasks/").content.decode()
    assert "暂无督办任务" in html and "暂无工作部署" in html
    for path in ("/tasks/tasks/", "/tasks/plans/"):
        assert "没有符合条件的记录" in signed_in("admin").get(path).content.decode()


def test_a_refused_report_names_every_wrong_field(signed_in: Callable[[str], Client],
                                                  tasks: list[Task]) -> None:
    clerk = signed_in("finance_clerk")
    task = tasks[0]
    key = f"report-{task.pk}"
    page = clerk.post(f"/tasks/tasks/{task.pk}/report/", {
        "text": " ", "percent": "150", "request_completion": "on"},
        follow=True).content.decode()
    assert set(clerk.session["form_errors"][key]["errors"]) == {
        "text", "percent", "request_completion"}
    for field in ("text", "percent", "request_completion"):
        assert f'href="#{key}-{field}"' in page and f'id="{key}-{field}-error"' in page
    assert "完成进度应在0至100之间" in page and 'value="150"' in page
    assert 'class="form-errors" role="alert"' in page
