"""督查通报: real figures frozen when issued, numbered per year, a GB/T 9704 Word file."""

import io
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from docx import Document
from rest_framework.test import APIClient

from dangjian.documents.gbt9704 import docx_page_setup
from dangjian.orgs.models import Organization
from dangjian.tasks.models import Task, TaskStatus

pytestmark = pytest.mark.django_db


def test_a_bulletin_counts_the_tasks_and_names_the_overdue_ones(
    api_as: Callable[[str], APIClient], deploy: Callable[..., dict], speech: str,
    government: Organization, today: date,
) -> None:
    plan = deploy(speech)
    late = Task.objects.get(plan_id=plan["id"], number=2)
    Task.objects.filter(pk=late.pk).update(due_on=today - timedelta(days=3))
    Task.objects.filter(plan_id=plan["id"], number=3).update(status=TaskStatus.DONE)
    head = api_as("county_head")
    issued = head.post("/api/v1/bulletins/", {"organization": government.pk,
                                              "plan": plan["id"]}, format="json")
    assert issued.status_code == 201, issued.content
    body = issued.json()
    assert body["number"] == f"示督通〔{today.year}〕{body['sequence']}号"
    assert body["figures"]["totals"] == {"total": 13, "done": 1, "in_progress": 0,
                                         "not_started": 12, "red": 1, "yellow": 0}
    assert body["figures"]["overdue"][0]["title"] == late.title

    document = head.get(f"/api/v1/bulletins/{body['id']}/document.docx")
    assert document.status_code == 200
    setup = docx_page_setup(document.content)
    assert (round(setup["page_width_mm"]), round(setup["page_height_mm"])) == (210, 297)
    margins = [setup[f"{side}_margin_mm"] for side in ("top", "left", "right", "bottom")]
    assert [round(m) for m in margins] == [37, 28, 26, 35]
    text = "\n".join(p.text for p in Document(io.BytesIO(document.content)).paragraphs)
    assert body["number"] in text and "共列入督办任务13项，已完成1项（完成率8%）" in text
    assert f"县财政局牵头的“{late.title}”" in text

    second = head.post("/api/v1/bulletins/", {"organization": government.pk}, format="json")
    assert second.json()["sequence"] == body["sequence"] + 1


def test_a_bulletin_needs_tasks_and_a_planner(api_as: Callable[[str], APIClient],
                                              government: Organization) -> None:
    empty = api_as("county_head").post("/api/v1/bulletins/",
                                       {"organization": government.pk}, format="json")
    assert empty.status_code == 400 and "没有督办任务" in empty.json()["detail"]
    finance = Organization.objects.get(name="县财政局")
    refused = api_as("vice_head").post("/api/v1/bulletins/", {"organization": finance.pk},
                                       format="json")
    assert refused.status_code == 403
