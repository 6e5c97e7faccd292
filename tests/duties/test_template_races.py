"""Two imports of the county's template at once, from the same page (both saw the built-in
template active): one becomes version 1, the other is refused whole (409), on PostgreSQL and on
SQLite alike. Each import is held just before it saves until the other arrives."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from dangjian.duties.models import ResponsibilityTemplate
from dangjian.duties.services.templates import template_workbook
from tests.concurrency import database_file, in_thread, meeting_before, run_together

pytestmark = pytest.mark.django_db(transaction=True)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_two_imports_at_once_one_wins_and_the_other_imports_nothing(
    committed_demo: None, api_as: Callable[[str], APIClient], tmp_path: Path,
) -> None:
    data = template_workbook()
    database = database_file(tmp_path)

    def post(title: str) -> Callable[[], Any]:
        def call() -> Any:
            client = api_as("assessor")
            client.raise_request_exception = False
            return client.post("/api/v1/responsibility-templates/import/", {
                "file": SimpleUploadedFile("模板.xlsx", data, content_type=XLSX_TYPE),
                "title": title, "version": 0}, format="multipart")

        return call

    with meeting_before(ResponsibilityTemplate, "save", parties=2):
        answers = run_together([post("甲"), post("乙")], database=database)
    codes = sorted(getattr(a, "status_code", 500) for a in answers)
    assert codes == [201, 409], [getattr(a, "content", a) for a in answers]
    loser = next(a for a in answers if a.status_code == 409)
    assert "另一份模板已先导入" in loser.json()["detail"]
    kept = in_thread(lambda: list(ResponsibilityTemplate.objects.values_list(
        "version", "active", "title")), database=database)
    winner = next(a for a in answers if a.status_code == 201).json()
    assert kept == [(1, True, winner["title"])]
    items = in_thread(lambda: ResponsibilityTemplate.objects.get().items.count(),
                      database=database)
    assert items == winner["item_count"]
