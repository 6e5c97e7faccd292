"""Every refusal of the tasks issue: a clear Chinese message, and nothing saved."""

import io
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import Workbook
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.tasks.models import ImportJob, Plan, Task
from dangjian.tasks.services.imports import HEADERS

pytestmark = pytest.mark.django_db


def _nothing_saved(before: tuple[int, int]) -> bool:
    return (Plan.objects.count(), Task.objects.count()) == before


@pytest.fixture
def counts() -> tuple[int, int]:
    return Plan.objects.count(), Task.objects.count()


@pytest.fixture
def create(api_as: Callable[[str], APIClient], government: Organization, today: date):
    def post(**body: Any) -> Any:
        fmt = "multipart" if "file" in body else "json"
        return api_as("county_head").post("/api/v1/plans/", {
            "organization": government.pk, "kind": "讲话", "year": today.year, **body},
            format=fmt)

    return post


@pytest.mark.parametrize(("body", "message"), [
    ({"text": ""}, "文档内容为空"),
    ({"text": "   \n  "}, "文档内容为空"),
    ({"text": "Party building matters. First, study. Second, act."}, "没有中文内容"),
    ({"text": "同志们：今天的会议很重要，大家要认真学习领会，抓好贯彻落实。"}, "未识别到提纲层次"),
    ({"file": SimpleUploadedFile("讲话.docx", b"PK\x03\x04 not really a zip")}, "已损坏"),
    ({"file": SimpleUploadedFile("讲话.doc", b"\xd0\xcf\x11\xe0")}, "另存为 .docx"),
    ({"file": SimpleUploadedFile("讲话.pdf", b"%PDF-1.4")}, "PDF"),
    ({"file": SimpleUploadedFile("讲话.pdf", b"PK\x03\x04 a zip")}, "不是PDF文档"),
    ({"file": SimpleUploadedFile("讲话.rtf", b"{\\rtf1}")}, "只能上传 .docx、.txt 或 .pdf"),
    ({"file": SimpleUploadedFile("讲话.txt", b"PK\x03\x04\x14\x00")}, "不是纯文本"),
    ({"file": SimpleUploadedFile("讲话.docx", "一、要学习。".encode())}, "内容不是Word文档"),
    ({"file": SimpleUploadedFile("讲话.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
                                 + "EncryptionInfo".encode("utf-16-le"))}, "已加密"),
    ({"text": "县融媒体中心讯 昨天下午，县第三届农民运动会开幕，共有800名运动员参加。"},
     "也没有“要……”“必须……”等工作要求句"),
    ({"file": SimpleUploadedFile("讲话.txt", b"\xff\xfe\x00")}, "编码"),
])
def test_a_bad_document_is_refused_with_a_clear_message(
    create: Callable[..., Any], counts: tuple[int, int], body: dict, message: str,
) -> None:
    response = create(**body)
    assert response.status_code == 400, response.content
    assert message in response.json()["detail"]
    assert _nothing_saved(counts)


@override_settings(DANGJIAN_TASKS={"document_max_bytes": 1000})
def test_a_too_large_file_is_refused(create: Callable[..., Any], counts: tuple[int, int],
                                     speech: str) -> None:
    response = create(file=SimpleUploadedFile("讲话.txt", speech.encode()))
    assert response.status_code == 400 and "文件过大" in response.json()["detail"]
    assert _nothing_saved(counts)
    event = AuditEvent.objects.filter(action="upload.refused").latest("pk")
    assert not event.success and event.after["name"] == "讲话.txt"
    assert "文件过大" in event.after["reason"]


def test_parse_refuses_the_same_way(api_as: Callable[[str], APIClient]) -> None:
    response = api_as("member").post("/api/v1/plans/parse/", {"text": "hello"}, format="json")
    assert response.status_code == 400 and "没有中文内容" in response.json()["detail"]


def test_only_a_planner_of_the_organisation_deploys(
    api_as: Callable[[str], APIClient], government: Organization, speech: str,
    counts: tuple[int, int], today: date,
) -> None:
    body = {"organization": government.pk, "kind": "讲话", "year": today.year, "text": speech}
    assert api_as("vice_head").post("/api/v1/plans/", body, format="json").status_code == 400
    assert api_as("inspector").post("/api/v1/plans/", body, format="json").status_code == 403
    finance = Organization.objects.get(name="县财政局")
    education = {**body, "organization": Organization.objects.get(name="县教育局").pk}
    assert api_as("finance_clerk").post("/api/v1/plans/", education,
                                        format="json").status_code == 400  # not in scope
    assert _nothing_saved(counts)
    own = api_as("finance_clerk").post("/api/v1/plans/", {**body, "organization": finance.pk},
                                       format="json")
    assert own.status_code == 201


# --- the 任务分解表 import -------------------------------------------------------------------


def xlsx(rows: list[list[Any]], headers: list[str] = HEADERS) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("任务分解表.xlsx", buffer.getvalue())


@pytest.fixture
def upload(api_as: Callable[[str], APIClient], government: Organization):
    def post(file: SimpleUploadedFile, username: str = "county_head") -> Any:
        return api_as(username).post("/api/v1/plans/import/", {
            "organization": government.pk, "title": "2026年党建工作任务分解表", "year": 2026,
            "file": file}, format="multipart")

    return post


def _leader_name() -> str:
    from dangjian.access.models import User

    return User.objects.get(username="vice_head").person.name


def test_an_import_with_a_wrong_column_names_it_and_imports_nothing(
    upload: Callable[..., Any], counts: tuple[int, int],
) -> None:
    headers = [*HEADERS[:2], "主办单位", *HEADERS[3:]]
    response = upload(xlsx([[1, "任务", "县财政局", "", _leader_name(), "2026-12-31", ""]],
                           headers))
    assert response.status_code == 400
    assert "缺少列：牵头单位" in response.json()["detail"]
    assert "无法识别的列：主办单位" in response.json()["detail"]
    assert _nothing_saved(counts)


def test_an_import_names_every_bad_row_and_imports_nothing(
    upload: Callable[..., Any], counts: tuple[int, int],
) -> None:
    leader = _leader_name()
    response = upload(xlsx([
        [1, "厘清主体职责", "县财政局", "县教育局", leader, "2026-06-30", ""],
        [2, "强化责任落实", "县财政厅", "", leader, "2026-06-30", ""],
        [3, "严格考核问责", "县教育局", "县统计所、县审计局", leader, "下个月", ""],
        [4, "", "县财政局", "", "查无此人", date(2026, 9, 30), ""],
        [5, "加强作风建设", "县财政局", "", leader, "6月底前", "已部署"],
    ]))
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors == [
        "第2行（序号2）：牵头单位“县财政厅”不存在，请核对名称",
        "第3行（序号3）：配合单位“县统计所”不存在，请核对名称",
        "第3行（序号3）：完成时限“下个月”无法识别，请填写如 2026-06-30 或“6月底前”",
        "第4行（序号4）：任务不能为空",
        "第4行（序号4）：责任领导“查无此人”不是本范围内的领导干部",
    ]
    assert _nothing_saved(counts)
    assert ImportJob.objects.latest("id").status == "有错误"


def test_a_unit_outside_the_importers_scope_is_named_as_such(
    upload: Callable[..., Any], counts: tuple[int, int], api_as: Callable[[str], APIClient],
) -> None:
    finance = Organization.objects.get(name="县财政局")
    response = api_as("finance_clerk").post("/api/v1/plans/import/", {
        "organization": finance.pk, "title": "表", "year": 2026,
        "file": xlsx([[1, "任务", "县教育局", "", _leader_name(), "2026-12-31", ""]])},
        format="multipart")
    assert response.status_code == 400
    # it exists: the clerk is told it is outside her scope, not that it does not exist
    assert "牵头单位“县教育局”不在您的管理范围内" in response.json()["errors"][0]
    assert _nothing_saved(counts)


def test_a_file_that_is_no_spreadsheet_is_refused(upload: Callable[..., Any],
                                                  counts: tuple[int, int]) -> None:
    response = upload(SimpleUploadedFile("任务分解表.xlsx", b"not a workbook"))
    assert response.status_code == 400 and "不是 Excel" in response.json()["detail"]
    empty = upload(xlsx([]))
    assert empty.status_code == 400 and "没有任务行" in empty.json()["detail"]
    assert _nothing_saved(counts)


def test_refusals_leave_no_audit_of_a_write(create: Callable[..., Any]) -> None:
    before = AuditEvent.objects.filter(action__startswith="plan.").count()
    create(text="")
    assert AuditEvent.objects.filter(action__startswith="plan.").count() == before
