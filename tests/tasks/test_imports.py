"""The 任务分解表 both ways: exported, imported back, checked in steps for the progress bar."""

import io
from collections.abc import Callable
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.tasks.models import ImportJob, Plan, Task
from dangjian.tasks.services.imports import HEADERS, import_advance, import_start

from .test_bad_input import xlsx

pytestmark = pytest.mark.django_db


def test_the_export_has_the_tables_columns_and_imports_back(
    api_as: Callable[[str], APIClient], deploy: Callable[..., dict], speech: str,
    government: Organization,
) -> None:
    plan = deploy(speech)
    clerk = api_as("finance_clerk")
    task = clerk.get("/api/v1/tasks/").json()["results"][0]
    clerk.post(f"/api/v1/tasks/{task['id']}/progress/", {"text": "已部署"}, format="json")
    head = api_as("county_head")
    exported = head.get(f"/api/v1/plans/{plan['id']}/tasks.xlsx")
    assert exported.status_code == 200
    sheet = load_workbook(io.BytesIO(exported.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[1]) == HEADERS and len(rows) == 2 + 13
    assert rows[2][1] == task["title"] and rows[2][2] == "县财政局" and rows[2][6] == "已部署"

    again = head.post("/api/v1/plans/import/", {
        "organization": government.pk, "title": "任务分解表（导回）", "year": 2026,
        "file": SimpleUploadedFile("表.xlsx", exported.content)}, format="multipart")
    assert again.status_code == 201, again.content
    imported = Plan.objects.get(pk=again.json()["plan"])
    assert imported.kind == "任务分解表" and imported.tasks.count() == 13
    first = imported.tasks.get(number=1)
    assert first.status == "推进中" and first.reports.get().text == "已部署"
    assert AuditEvent.objects.filter(action="plan.import", object_id=str(imported.pk)).exists()


def test_a_long_sheet_is_checked_in_steps_then_written_at_once(
    user: Callable[[str], User], government: Organization,
) -> None:
    head = user("county_head")
    leader = user("vice_head").person.name
    rows = [[n, f"任务{n}", "县财政局", "县教育局", leader, "2026-12-31", ""]
            for n in range(1, 26)]
    job = import_start(actor=head, organization=government, title="长表", year=2026,
                       upload=xlsx(rows))
    seen = []
    while job.status == "校验中":
        job = import_advance(actor=head, job=job, rows=10)
        seen.append((job.checked, job.percent))
    assert seen == [(10, 40), (20, 80), (25, 100)]
    assert job.status == "已导入" and job.plan is not None
    tasks = Task.objects.filter(plan=job.plan)
    assert tasks.count() == 25 and tasks.get(number=7).co_units.get().name == "县教育局"


def test_the_import_page_shows_progress_then_the_result(
    user: Callable[[str], User], government: Organization,
) -> None:
    client = Client()
    client.force_login(user("county_head"))
    leader = user("vice_head").person.name
    rows = [[1, "任务一", "县财政局", "", leader, "6月底前", ""],
            [2, "任务二", "县教育局", "", leader, date(2026, 9, 30), ""]]
    started = client.post("/tasks/import/start/", {
        "organization": government.pk, "title": "页面导入", "year": 2026, "file": xlsx(rows)})
    assert started.status_code == 302
    job = ImportJob.objects.latest("id")
    page = client.get(started["Location"]).content.decode()
    assert 'hx-post="/tasks/import/' in page and "<progress" in page
    fragment = client.post(f"/tasks/import/{job.pk}/advance/").content.decode()
    assert "已导入" in fragment and "查看任务分解" in fragment
    assert Task.objects.get(plan__title="页面导入", number=1).due_on == date(2026, 6, 30)
    other = Client()
    other.force_login(user("finance_clerk"))
    assert other.get(f"/tasks/import/{job.pk}/").status_code == 404  # one's own uploads only
