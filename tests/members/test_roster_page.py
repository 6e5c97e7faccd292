import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dangjian.documents.spreadsheets import render_xlsx
from dangjian.members.services.roster import ROSTER_HEADERS
from dangjian.people.idnumber import synthesise
from dangjian.people.models import Person

pytestmark = pytest.mark.django_db


def _upload(rows: list[list[Any]]) -> SimpleUploadedFile:
    data = render_xlsx(title="党员花名册", headers=ROSTER_HEADERS, rows=rows)
    return SimpleUploadedFile("花名册.xlsx", data)


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_clerk_imports_a_roster_from_the_page(user: Callable[[str], Any]) -> None:
    number = synthesise("990002", date(1985, 4, 1), 1)
    rows = [["页面导入", number, "正式党员", "县财政局机关第一党支部", "13900000001",
             date(2010, 7, 1)]]
    response = _client(user("finance_clerk")).post(
        "/members/roster/", {"file": _upload(rows)}, follow=True)
    assert "已导入花名册：1 名人员" in response.content.decode()
    assert Person.objects.filter(name="页面导入").exists()


def test_a_bad_roster_names_its_rows_on_the_page_and_imports_nothing(
    user: Callable[[str], Any],
) -> None:
    rows = [["甲", "123", "正式党员", "县财政局机关第一党支部", "", None],
            ["乙", synthesise("990002", date(1986, 4, 1), 1), "神仙", "县财政局机关第一党支部",
             "", None]]
    html = _client(user("finance_clerk")).post(
        "/members/roster/", {"file": _upload(rows)}, follow=True).content.decode()
    assert "第1行" in html and "第2行" in html
    assert not Person.objects.filter(name__in=["甲", "乙"]).exists()


def test_the_template_downloads_with_the_roster_columns(user: Callable[[str], Any]) -> None:
    from openpyxl import load_workbook

    response = _client(user("finance_clerk")).get("/members/roster-template.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert all(header in values for header in ROSTER_HEADERS)


def test_a_roster_posted_without_a_file_names_the_file_field(
    user: Callable[[str], Any],
) -> None:
    from tests.refused_forms import assert_every_field_named

    before = Person.objects.count()
    response = _client(user("finance_clerk")).post("/members/roster/", {}, follow=True)
    assert_every_field_named(response, "roster", {"file": "花名册文件"})
    assert Person.objects.count() == before


def test_a_bad_rosters_rows_are_listed_in_the_red_summary(user: Callable[[str], Any]) -> None:
    from tests.refused_forms import summary_of

    rows = [["甲", "123", "正式党员", "县财政局机关第一党支部", "", None]]
    response = _client(user("finance_clerk")).post(
        "/members/roster/", {"file": _upload(rows)}, follow=True)
    assert "第1行" in summary_of(response.content.decode())
    assert [str(m) for m in response.context["messages"]] == []
