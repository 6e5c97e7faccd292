"""The issue's "done when", through the API and the desk: a speech pasted becomes a
reviewed list of tasks assigned to units and leaders, units report monthly, an overdue task
turns red on its leader's desk."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.notifications.models import Notification
from dangjian.orgs.models import Organization
from dangjian.tasks.models import Task
from dangjian.tasks.services.reminders import remind

from .conftest import SPEECH, SPEECHES, labels

pytestmark = pytest.mark.django_db


def test_a_speech_becomes_a_reviewed_list_of_assigned_tasks(
    api_as: Callable[[str], APIClient], speech: str, government: Organization, today: date,
    org: Callable[[str], Organization], user: Callable[[str], User],
) -> None:
    head = api_as("county_head")
    created = head.post("/api/v1/plans/", {"organization": government.pk, "kind": "讲话",
                                           "year": today.year, "text": speech}, format="json")
    assert created.status_code == 201, created.content
    plan = created.json()
    proposals = plan["revisions"][0]["proposals"]
    assert [(p["path"], p["title"]) for p in proposals] == [(x["path"], x["title"])
                                                             for x in labels(SPEECHES, SPEECH)]
    assert not Task.objects.filter(plan_id=plan["id"]).exists()  # a proposal is no task yet

    # The reviewer spreads the work over three units; each one's 分管 leader answers for it.
    units = ["县财政局", "县教育局", "县发展和改革局"]
    items = [{"path": p["path"], "title": p["title"], "text": p["text"],
              "targets": p["targets"], "lead_unit": org(units[n % 3]).pk,
              "co_units": [org(units[(n + 1) % 3]).pk],
              "leader": user("vice_head").person_id if n % 3 == 0 else None,
              "due_on": str(today + timedelta(days=90))}
             for n, p in enumerate(proposals)]
    missing = head.post(f"/api/v1/plans/{plan['id']}/confirm/", {"items": items}, format="json")
    assert missing.status_code == 400
    assert len(missing.json()["errors"]["items"]) == 8  # every item without a leader, named
    for n, item in enumerate(items):
        item["leader"] = item["leader"] or (user("vice_head").person_id if n % 3 != 1
                                            else _education_leader())
    confirmed = head.post(f"/api/v1/plans/{plan['id']}/confirm/", {"items": items},
                          format="json")
    assert confirmed.status_code == 200, confirmed.content
    tasks = Task.objects.filter(plan_id=plan["id"])
    assert tasks.count() == 13
    assert {t.lead_unit.name for t in tasks} == set(units)
    assert all(t.leader_id and t.co_units.count() == 1 for t in tasks)
    assert confirmed.json()["revisions"][0]["changes"]["added"] == list(
        tasks.order_by("number").values_list("pk", flat=True))
    # The finance clerk sees exactly the finance-led tasks; the vice head his own.
    finance = api_as("finance_clerk").get("/api/v1/tasks/").json()
    assert finance["count"] == 5 and {t["lead_unit_name"] for t in finance["results"]} == {
        "县财政局"}
    assert Notification.objects.filter(recipient=user("finance_clerk"),
                                       kind="task.assigned").exists()


def _education_leader() -> int:
    from dangjian.tasks.matching import charged_leader

    return charged_leader(Organization.objects.get(name="县教育局")).pk


def test_units_report_monthly_with_evidence_and_the_leader_confirms(
    api_as: Callable[[str], APIClient], speech: str, deploy: Callable[..., dict], pdf: Any,
    today: date,
) -> None:
    deploy(speech)
    clerk = api_as("finance_clerk")
    task = clerk.get("/api/v1/tasks/").json()["results"][0]
    assert task["status"] == "未启动" and task["report_cycle"] == "每月"
    reported = clerk.post(f"/api/v1/tasks/{task['id']}/progress/",
                          {"text": "已召开党组会专题研究", "percent": "40", "files": [pdf()]},
                          format="multipart")
    assert reported.status_code == 201, reported.content
    assert reported.json()["period"] == f"{today:%Y-%m}"
    assert len(reported.json()["evidence"][0]["sha256"]) == 64
    assert clerk.get(f"/api/v1/tasks/{task['id']}/").json()["status"] == "推进中"
    history = clerk.get(f"/api/v1/tasks/{task['id']}/progress/").json()
    assert [r["text"] for r in history] == ["已召开党组会专题研究"]

    clerk.post(f"/api/v1/tasks/{task['id']}/progress/",
               {"text": "制度已印发", "percent": 100, "request_completion": True}, format="json")
    closed = api_as("vice_head").post(f"/api/v1/tasks/{task['id']}/review/",
                                      {"decision": "accept"}, format="json")
    assert closed.status_code == 200, closed.content
    assert closed.json()["status"] == "已完成" and closed.json()["completed_on"] == str(today)


def test_an_overdue_task_turns_red_on_its_leaders_desk(
    api_as: Callable[[str], APIClient], speech: str, deploy: Callable[..., dict],
    user: Callable[[str], User], today: date,
) -> None:
    deploy(speech, due_in_days=30)
    task = Task.objects.filter(lead_unit__name="县财政局").order_by("id").first()
    assert task is not None
    Task.objects.filter(pk=task.pk).update(due_on=today - timedelta(days=2))
    vice = api_as("vice_head")
    red = vice.get("/api/v1/tasks/", {"light": "red"}).json()["results"]
    assert [t["id"] for t in red] == [task.pk] and red[0]["light"] == "red"

    report = remind(today=today)
    assert report.overdue == 1 and report.taken["overdue"] == 1
    assert vice.get(f"/api/v1/tasks/{task.pk}/").json()["status"] == "逾期"
    note = Notification.objects.get(recipient=user("vice_head"), kind="task.overdue")
    assert "督办" in note.title and task.title[:10] in note.body
    assert remind(today=today).taken["overdue"] == 0  # taken once

    desk = Client()
    desk.force_login(user("vice_head"))
    html = desk.get("/tasks/").content.decode()
    mine = html[html.index('data-testid="my-tasks"'):]
    row = mine[mine.index(f'data-testid="my-task-{task.pk}"'):]
    assert "light-red" in row[:200] and "逾期" in row[:800]
