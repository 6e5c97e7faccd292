"""The template page without a browser: who sees the upload, a refusal's table kept for the
page, and a unit clerk's POST refused with nothing imported."""

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from dangjian.access.models import User
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.duties.models import ResponsibilityTemplate
from dangjian.duties.services.templates import HEADERS, template_workbook

pytestmark = pytest.mark.django_db
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def signed_in(user: Callable[[str], User]) -> Callable[[str], Client]:
    def make(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return make


def _file(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("模板.xlsx", data, content_type=XLSX_TYPE)


def test_the_upload_is_offered_only_to_the_countys_party_office(
    signed_in: Callable[[str], Client],
) -> None:
    office = signed_in("assessor").get("/duties/templates/").content.decode()
    assert 'data-testid="template-import"' in office and "下载内置模板" in office
    clerk = signed_in("finance_clerk").get("/duties/templates/").content.decode()
    assert 'data-testid="template-import"' not in clerk and "下载内置模板" in clerk
    assert 'data-testid="templates-link"' in signed_in("finance_clerk").get(
        "/duties/").content.decode()


def test_a_unit_clerks_upload_is_refused_and_imports_nothing(
    signed_in: Callable[[str], Client],
) -> None:
    response = signed_in("finance_clerk").post("/duties/templates/", {
        "file": _file(template_workbook()), "version": "0"}, follow=True)
    assert "只有县委组织部（党建办）考核管理员" in response.content.decode()
    assert not ResponsibilityTemplate.objects.exists()


def test_a_refused_upload_shows_every_bad_cell_and_a_good_one_clears_them(
    signed_in: Callable[[str], Client],
) -> None:
    office = signed_in("assessor")
    bad = render_xlsx(title="模板", headers=HEADERS, rows=[
        ["a", "领域", "事项", "书记", "每年", 0, "", "", "FOUR_TOGETHER"]])
    page = office.post("/duties/templates/", {"file": _file(bad), "version": "0"},
                       follow=True).content.decode()
    assert 'data-testid="template-errors"' in page
    assert "次数应大于0" in page and "全部未导入" in page
    assert not ResponsibilityTemplate.objects.exists()
    page = office.post("/duties/templates/", {"file": _file(template_workbook()),
                                              "version": "0"}, follow=True).content.decode()
    assert 'data-testid="template-errors"' not in page and "（第1版）" in page
    assert ResponsibilityTemplate.objects.get().active
    # The version downloads as the workbook it was imported from.
    download = office.get(f"/duties/templates/{ResponsibilityTemplate.objects.get().pk}.xlsx")
    assert download.status_code == 200
    assert signed_in("finance_clerk").get(
        f"/duties/templates/{ResponsibilityTemplate.objects.get().pk}.xlsx").status_code == 404
