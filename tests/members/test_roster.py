"""党员花名册导入: every row checked first, nobody registered when any row is bad."""

from collections.abc import Callable, Sequence
from datetime import date
from itertools import count

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.core.crypto import decrypt_field
from dangjian.documents.spreadsheets import read_xlsx, render_xlsx
from dangjian.members.services.roster import (
    ROSTER_FACT_HEADERS,
    ROSTER_HEADERS,
    roster_template,
)
from dangjian.people import idnumber
from dangjian.people.models import Person

URL = "/api/v1/members/roster/"
BRANCH = "县财政局机关第一党支部"
OTHER_UNIT_BRANCH = "县教育局机关第一党支部"
_sequence = count(1)


def new_id() -> str:
    return idnumber.synthesise("990001", date(1990, 1, 1), next(_sequence) % 1000)


def good_row(name: str = "王新", branch: str = BRANCH) -> list[object]:
    return [name, new_id(), "正式党员", branch, "13800000000", date(2012, 7, 1)]


def roster(rows: Sequence[Sequence[object]], headers: list[str] = ROSTER_HEADERS) -> bytes:
    return render_xlsx(title="党员花名册", headers=headers, rows=rows)


def upload(client: APIClient, data: bytes) -> tuple[int, dict[str, object]]:
    file = SimpleUploadedFile("花名册.xlsx", data)
    response = client.post(URL, {"file": file}, format="multipart")
    return response.status_code, response.json()


@pytest.fixture
def clerk(api_as: Callable[[str], APIClient]) -> APIClient:
    return api_as("finance_clerk")


@pytest.mark.django_db
def test_a_good_roster_imports_every_row(clerk: APIClient) -> None:
    rows: list[list[object]] = [good_row("王新"), good_row("李新"),
                                ["赵新", new_id(), "群众", BRANCH, "", ""]]
    before = Person.objects.count()

    code, body = upload(clerk, roster(rows))

    assert (code, body) == (201, {"imported": 3})
    assert Person.objects.count() == before + 3
    zhao = Person.objects.get(name="赵新", organization__name=BRANCH)
    assert zhao.party_status == "群众" and zhao.joined_party_on is None
    wang = Person.objects.get(name="王新", organization__name=BRANCH)
    assert wang.joined_party_on == date(2012, 7, 1)


@pytest.mark.django_db
def test_bad_rows_are_all_named_and_nothing_is_imported(clerk: APIClient) -> None:
    duplicate = new_id()
    rows: list[list[object]] = [
        good_row("甲新"),
        ["乙新", "110101199001011234", "正式党员", BRANCH, "", ""],  # bad check digit
        ["丙新", new_id(), "党员", BRANCH, "", ""],  # unknown 政治面貌
        ["丁新", duplicate, "群众", BRANCH, "", ""],
        ["戊新", duplicate, "群众", BRANCH, "", ""],  # same number as 第4行
        ["己新", new_id(), "正式党员", BRANCH, "", "2012-13-01"],  # bad date
        ["庚新", new_id(), "正式党员", "不存在的党支部", "", ""],
        good_row("辛新"),
    ]
    before = Person.objects.count()
    events_before = AuditEvent.objects.filter(action="person.create").count()

    code, body = upload(clerk, roster(rows))

    assert code == 400
    errors = body["errors"]["non_field_errors"]  # type: ignore[index]
    assert [e.split("：", 1)[0] for e in errors] == [
        "第2行", "第3行", "第5行", "第6行", "第7行"]
    assert "身份证号校验位不正确" in errors[0]
    assert "未知的政治面貌" in errors[1]
    assert "与第4行重复" in errors[2]
    assert "入党时间" in errors[3]
    assert "不存在的党支部" in errors[4]
    assert body["detail"] == errors[0]
    assert Person.objects.count() == before
    assert AuditEvent.objects.filter(action="person.create").count() == events_before


@pytest.mark.django_db
def test_an_already_registered_id_number_is_refused(clerk: APIClient) -> None:
    code, _ = upload(clerk, roster([good_row("先来")]))
    assert code == 201
    existing = Person.objects.get(name="先来")

    again = ["后到", decrypt_field(existing.id_number_encrypted), "群众", BRANCH, "", ""]
    code, body = upload(clerk, roster([good_row("另一人"), again]))
    assert code == 400
    assert body["errors"]["non_field_errors"] == [  # type: ignore[index]
        "第2行：该身份证号已登记，请勿重复录入"]
    assert not Person.objects.filter(name="另一人").exists()


@pytest.mark.django_db
def test_an_organisation_outside_the_clerks_scope_is_unknown(
        api_as: Callable[[str], APIClient]) -> None:
    code, body = upload(api_as("edu_clerk"), roster([good_row("越界", BRANCH)]))

    assert code == 400
    assert body["errors"]["non_field_errors"] == [  # type: ignore[index]
        f"第1行：组织“{BRANCH}”不在您的管理范围内"]
    assert not Person.objects.filter(name="越界").exists()


@pytest.mark.django_db
def test_a_wrong_header_is_refused(clerk: APIClient) -> None:
    headers = ["姓名", "身份证", "政治面貌", "所在党组织", "手机号", "入党时间"]
    code, body = upload(clerk, roster([good_row("表头")], headers=headers))

    assert code == 400
    assert "file" in body["errors"]  # type: ignore[operator]
    assert not Person.objects.filter(name="表头").exists()


@pytest.mark.django_db
def test_the_template_reads_back_with_the_roster_headers() -> None:
    rows = read_xlsx(roster_template(), expected_headers=ROSTER_HEADERS,
                     optional_headers=ROSTER_FACT_HEADERS)
    assert rows[0]["所在党组织"] == BRANCH and rows[0]["一线或关键岗位"] == "是"


FULL_HEADERS = ROSTER_HEADERS + ROSTER_FACT_HEADERS


@pytest.mark.django_db
def test_the_optional_fact_columns_are_recorded(clerk: APIClient) -> None:
    rows: list[list[object]] = [[*good_row("钱学"), "大学本科", "是", "否"],
                                [*good_row("孙学"), "", "", "是"]]

    code, body = upload(clerk, roster(rows, FULL_HEADERS))

    assert (code, body) == (201, {"imported": 2})
    qian = Person.objects.get(name="钱学", organization__name=BRANCH)
    sun = Person.objects.get(name="孙学", organization__name=BRANCH)
    assert (qian.education, qian.front_line, qian.in_hardship) == ("大学本科", True, False)
    assert (sun.education, sun.front_line, sun.in_hardship) == ("", False, True)


@pytest.mark.django_db
def test_bad_fact_values_are_named_by_row_and_nothing_is_imported(clerk: APIClient) -> None:
    rows: list[list[object]] = [[*good_row("周学"), "本科", "是", "否"],
                                [*good_row("吴学"), "高中", "Y", "否"],
                                [*good_row("郑学"), "高中", "否", "困难"]]
    before = Person.objects.count()

    code, body = upload(clerk, roster(rows, FULL_HEADERS))

    assert code == 400
    assert body["errors"]["non_field_errors"] == [  # type: ignore[index]
        "第1行：未知的学历：“本科”，应为研究生、大学本科、大学专科、中专、高中、初中及以下之一，或不填",
        "第2行：一线或关键岗位应填“是”或“否”，不能填“Y”",
        "第3行：生活困难应填“是”或“否”，不能填“困难”"]
    assert Person.objects.count() == before
