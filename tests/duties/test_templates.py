"""The county's own responsibility-list template (issue 13): imported from the workbook the
built-in one downloads as, every bad row named, versions, and lists generated from the active
version while the lists already made keep their items."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.duties.catalogue import CATALOGUE
from dangjian.duties.county_template import county_of, entries_for
from dangjian.duties.models import ResponsibilityList, ResponsibilityTemplate
from dangjian.duties.rules import FOUR_TOGETHER, RULES
from dangjian.duties.services import templates as service
from dangjian.duties.services.templates import HEADERS, template_workbook
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db
IMPORT = "/api/v1/responsibility-templates/import/"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

GOOD = [
    ["c.deploy", "统筹部署", "本县细化：年度党建工作要点报县委组织部备案", "党组织", "每年", 1,
     "工作要点", "tasks.plans", "FOUR_TOGETHER"],
    ["c.study", "统筹部署", "每季度专题研究党建工作", "党委（党组）", "每季度", 1, "会议纪要", "",
     "《示范县党建工作责任制实施办法》第五条"],
    ["c.sec", "四个亲自", "书记每半年听取一次支部书记述职", "书记", "每半年", 1, "述职记录", "",
     "first_responsible"],
    ["c.mem", "一岗双责", "班子成员联系一个基层党支部", "班子成员", "每月", 2, "联系记录", "",
     "ONE_POST_TWO_DUTIES"],
    ["c.notice", "一岗双责", "提示单及时签收回复", "班子成员", "随时", None, "回复",
     "oversight.notices", "RECTIFICATION"],
]


def workbook(rows: list[list[Any]], headers: list[str] = HEADERS) -> bytes:
    return render_xlsx(title="示范县责任清单模板", headers=headers, rows=rows)


def upload(data: bytes, name: str = "本县模板.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=XLSX_TYPE)


@pytest.fixture
def post_template(api_as: Callable[[str], APIClient]) -> Callable[..., Any]:
    def post(data: bytes, username: str = "assessor", **extra: Any) -> Any:
        return api_as(username).post(IMPORT, {"file": upload(data), **extra},
                                     format="multipart")

    return post


def test_the_built_in_template_downloads_and_imports_back_unchanged(
    post_template: Callable[..., Any], org: Callable[[str], Organization],
) -> None:
    response = post_template(template_workbook())
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["version"], body["active"], body["item_count"]) == (1, True, len(CATALOGUE))
    assert body["organization_name"] == "中共示范县委员会"
    assert [i["key"] for i in body["items"]] == [t.key for t in CATALOGUE]
    by_key = {i["key"]: i for i in body["items"]}
    assert by_key["org.deploy"]["citation"] == FOUR_TOGETHER.citation
    assert by_key["org.deploy"]["rule_key"] == "FOUR_TOGETHER"
    assert by_key["org.study"]["times"] == 2  # the county's LocalSettings count, written out
    assert by_key["org.tasks"]["period"] == "随时" and by_key["org.tasks"]["times"] == 0
    event = AuditEvent.objects.get(action="duties.template_import")
    assert event.after["items"] == len(CATALOGUE) and event.before == {"active": "内置"}


def test_the_download_explains_each_column_on_a_second_sheet(
    user: Callable[[str], User],
) -> None:
    client = Client()
    client.force_login(user("edu_clerk"))
    response = client.get("/duties/templates/built-in.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    first, guide = book.worksheets
    assert [c.value for c in first[2]] == HEADERS
    keys = {row[0].value for row in guide.iter_rows()}
    assert {"FOUR_TOGETHER", "tasks.plans", "orglife.lectures"} <= keys


def test_every_bad_row_is_named_by_row_and_column_and_nothing_is_imported(
    post_template: Callable[..., Any],
) -> None:
    bad = [
        ["k1", "统筹部署", "好的一行", "党组织", "每年", 1, "", "", "FOUR_TOGETHER"],
        ["k1", "统筹部署", "编号重复", "党组织", "每年", 1, "", "", "FOUR_TOGETHER"],
        ["k3", "统筹部署", "未知主体", "县长", "每年", 1, "", "", "FOUR_TOGETHER"],
        ["k4", "统筹部署", "未知频次", "书记", "每周", 1, "", "", "FOUR_TOGETHER"],
        ["k5", "统筹部署", "次数为零", "书记", "每年", 0, "", "", "FOUR_TOGETHER"],
        ["k6", "统筹部署", "次数过大", "书记", "每月", 999, "", "", "FOUR_TOGETHER"],
        ["k7", "统筹部署", "次数不是数", "书记", "每年", "两次", "", "", "FOUR_TOGETHER"],
        ["k8", "统筹部署", "未知佐证来源", "班子成员", "每年", 1, "", "nowhere.magic",
         "FOUR_TOGETHER"],
        ["k9", "统筹部署", "未知依据编号", "班子成员", "每年", 1, "", "", "NO_SUCH_RULE"],
        ["k10", "", "", "班子成员", "随时", 3, "", "", ""],
        ["k 11", "统筹部署", "负数", "班子成员", "每年", -2, "", "", "FOUR_TOGETHER"],
    ]
    response = post_template(workbook(bad))
    assert response.status_code == 400, response.content
    body = response.json()
    named = {(e["row"], e["column"]) for e in body["errors"]}
    assert named == {(2, "编号"), (3, "责任主体"), (4, "频次"), (5, "次数"), (6, "次数"),
                     (7, "次数"), (8, "佐证来源"), (9, "依据"), (10, "领域"), (10, "责任事项"),
                     (10, "次数"), (10, "依据"), (11, "编号"), (11, "次数")}
    messages = {(e["row"], e["column"]): e["message"] for e in body["errors"]}
    assert messages[(2, "编号")] == "编号“k1”与第1行重复"
    assert "县长" in messages[(3, "责任主体")] and "班子成员" in messages[(3, "责任主体")]
    assert messages[(5, "次数")] == "次数应大于0"
    assert "不能超过50" in messages[(6, "次数")]
    assert "nowhere.magic" in messages[(8, "佐证来源")]
    assert "NO_SUCH_RULE" in messages[(9, "依据")]
    assert "随时" in messages[(10, "次数")]
    assert body["detail"] == f"模板有{len(body['errors'])}处错误，全部未导入"
    assert not ResponsibilityTemplate.objects.exists()
    refused = AuditEvent.objects.get(action="duties.template_import_refused")
    assert refused.success is False and refused.after["errors"] == len(body["errors"])


def test_a_template_leaving_a_holder_without_items_is_refused(
    post_template: Callable[..., Any],
) -> None:
    response = post_template(workbook([row for row in GOOD if row[3] != "书记"]))
    assert response.status_code == 400
    assert response.json()["errors"] == [{
        "row": None, "column": "责任主体",
        "message": "模板中没有“书记”的责任事项，生成的责任清单将为空"}]


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "空.xlsx", ""),
    (b"%PDF-1.4 not a workbook", "模板.pdf", ""),
    (b"plain text, renamed", "模板.xlsx", ""),
])
def test_files_that_are_no_workbook_are_refused_by_name(
    post_template: Callable[..., Any], api_as: Callable[[str], APIClient], data: bytes,
    name: str, message: str,
) -> None:
    response = api_as("assessor").post(IMPORT, {"file": upload(data, name)}, format="multipart")
    assert response.status_code == 400, response.content
    assert response.json()["detail"]
    assert not ResponsibilityTemplate.objects.exists()


def test_an_empty_template_a_wrong_header_and_an_oversized_file_are_refused(
    post_template: Callable[..., Any], monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = post_template(workbook([]))
    assert empty.status_code == 400 and "没有责任事项" in empty.json()["detail"]
    header = post_template(workbook([["x"] * 8], headers=HEADERS[:-1]))
    assert header.status_code == 400 and "缺少列：依据" in header.json()["detail"]
    monkeypatch.setattr(service, "TEMPLATE_MAX_BYTES", 1000)
    big = post_template(workbook(GOOD))
    assert big.status_code == 400 and "文件过大" in big.json()["detail"]
    too_many = [[f"k{n}", "领域", "事项", "书记", "每年", 1, "", "", "FOUR_TOGETHER"]
                for n in range(service.TEMPLATE_MAX_ROWS + 1)]
    monkeypatch.setattr(service, "TEMPLATE_MAX_BYTES", 10 * 1024 * 1024)
    rows = post_template(workbook(too_many))
    assert rows.status_code == 400 and "数据行过多" in rows.json()["detail"]
    assert not ResponsibilityTemplate.objects.exists()


@pytest.mark.parametrize("username", ["finance_clerk", "finance_secretary", "county_head",
                                      "inspector", "member", "admin"])
def test_only_the_countys_party_office_imports(
    post_template: Callable[..., Any], username: str,
) -> None:
    response = post_template(workbook(GOOD), username=username)
    assert response.status_code == 403, response.content
    assert not ResponsibilityTemplate.objects.exists()


def test_the_county_committees_own_clerk_may_import(
    post_template: Callable[..., Any], user: Callable[[str], User],
    org: Callable[[str], Organization],
) -> None:
    clerk = user("edu_clerk")
    clerk.grants.update(organization=org("中共示范县委员会"))
    assert post_template(workbook(GOOD), username="edu_clerk").status_code == 201


def test_new_lists_follow_the_active_version_and_old_lists_keep_their_items(
    post_template: Callable[..., Any], make_list: Callable[..., dict],
    finance_group: Organization, org: Callable[[str], Organization],
    user: Callable[[str], User],
) -> None:
    before = make_list(finance_group)
    assert before["items"][0]["item"]["template_key"] == "org.deploy"
    first = post_template(workbook(GOOD)).json()
    assert first["version"] == 1
    after = make_list(finance_group, person=user("finance_secretary").person_id)
    assert [i["item"]["template_key"] for i in after["items"]] == ["c.sec"]
    assert ResponsibilityList.objects.get(pk=after["id"]).template_id == first["id"]
    body = make_list(org("县教育局党组"), username="edu_clerk")
    items = [i["item"] for i in body["items"]]
    assert [i["template_key"] for i in items] == ["c.deploy", "c.study"]
    assert items[0]["citation"] == FOUR_TOGETHER.citation
    assert items[0]["provider"] == "tasks.plans"
    assert items[1]["citation"] == "《示范县党建工作责任制实施办法》第五条"
    assert (items[1]["period"], items[1]["times"]) == ("每季度", 1)
    # The list made before the import still has the built-in items.
    kept = ResponsibilityList.objects.get(pk=before["id"])
    assert kept.template is None
    assert list(kept.items.values_list("template_key", flat=True)) == [
        t.key for t in CATALOGUE if t.holder == "党委（党组）"]


def test_a_new_version_replaces_the_active_one(
    post_template: Callable[..., Any], api_as: Callable[[str], APIClient],
    finance_group: Organization,
) -> None:
    first = post_template(workbook(GOOD), version=0).json()
    second_rows = [[*GOOD[0][:2], "第二版的部署事项", *GOOD[0][3:]], *GOOD[1:]]
    second = post_template(workbook(second_rows), version=1, title="第二版").json()
    assert (second["version"], second["title"], second["active"]) == (2, "第二版", True)
    listed = api_as("assessor").get("/api/v1/responsibility-templates/").json()["results"]
    assert [(t["version"], t["active"]) for t in listed] == [(2, True), (1, False)]
    retrieved = api_as("assessor").get(f"/api/v1/responsibility-templates/{first['id']}/")
    assert retrieved.json()["items"][0]["text"] == GOOD[0][2]
    _, entries = entries_for(finance_group, "党委（党组）")
    assert entries[0].text == "第二版的部署事项"
    # A clerk of one unit reads none of the county's versions; the API says 404 for one.
    assert api_as("finance_clerk").get("/api/v1/responsibility-templates/").json()["count"] == 0
    assert api_as("finance_clerk").get(
        f"/api/v1/responsibility-templates/{first['id']}/").status_code == 404


def test_an_import_made_on_a_stale_page_is_refused_whole(
    post_template: Callable[..., Any],
) -> None:
    assert post_template(workbook(GOOD), version=0).status_code == 201
    stale = post_template(workbook(GOOD), version=0)
    assert stale.status_code == 409 and "另一份模板已先导入" in stale.json()["detail"]
    assert ResponsibilityTemplate.objects.count() == 1


def test_rule_keys_and_holder_words_are_read_as_a_county_writes_them() -> None:
    rows = [{"编号": "a", "领域": "x", "责任事项": "y", "责任主体": "书记（第一责任人）",
             "频次": "季度", "次数": 2.0, "佐证材料": "", "佐证来源": "", "依据": "four_together"}]
    items, errors = service._checked(rows)
    # One item is good; the template as a whole lacks the other holders' items.
    assert [(e.row, e.column) for e in errors] == [(None, "责任主体")]
    assert (items[0].holder, items[0].period, items[0].times) == ("书记", "每季度", 2)
    assert items[0].rule_key == "FOUR_TOGETHER" and items[0].citation == FOUR_TOGETHER.citation
    assert set(RULES) >= {"FOUR_TOGETHER", "FIRST_RESPONSIBLE", "LOCAL_SUPERVISION"}


def test_the_county_of_an_organisation_is_its_root(org: Callable[[str], Organization]) -> None:
    root = org("中共示范县委员会")
    assert county_of(org("县财政局机关第一党支部")) == root and county_of(root) == root
