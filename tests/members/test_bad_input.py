"""Bad input: a clear Chinese message, and nothing saved (records, persons, audit events)."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.members.models import Candidate, Step, StudyRecord, Visit
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .conftest import TIMELINE, new_id_number

pytestmark = pytest.mark.django_db

TABLES = (Candidate, Step, Person, StudyRecord, Visit, AuditEvent)


@contextmanager
def nothing_changes() -> Iterator[None]:
    before = [model.objects.count() for model in TABLES]
    yield
    assert [model.objects.count() for model in TABLES] == before


def refused(response: Any, expected: str) -> None:
    assert response.status_code == 400, response.content
    assert expected in response.json()["detail"], response.json()


@pytest.fixture
def client(api_as: Callable[[str], APIClient]) -> APIClient:
    return api_as("finance_clerk")


@pytest.mark.parametrize(("body", "expected"), [
    ({"applied_on": "2099-01-01"}, "递交入党申请书日期不能晚于今天"),
    ({"id_number": "110105199001011234"}, "校验位不正确"),
    ({"birth_date": "1990-01-01"}, "出生日期与身份证号不符"),
    ({"gender": "女"}, "性别与身份证号不符"),
    ({"id_number": new_id_number(date(2010, 1, 1))}, "第五条"),
    ({"person": 1}, "不再填写姓名"),
])
def test_a_bad_application_is_refused_and_nothing_saved(
    client: APIClient, branch: Organization, body: dict[str, Any], expected: str,
) -> None:
    with nothing_changes():
        refused(client.post("/api/v1/candidates/", {
            "organization": branch.pk, "applied_on": "2023-03-01", "name": "郑错误",
            "gender": "男", "id_number": new_id_number(), **body}, format="json"), expected)


def test_an_unknown_person_or_a_party_organisation_that_is_not_a_branch_is_refused(
    client: APIClient, branch: Organization, org: Callable[[str], Organization],
) -> None:
    with nothing_changes():
        refused(client.post("/api/v1/candidates/", {
            "organization": branch.pk, "applied_on": "2023-03-01", "person": 99_999_999},
            format="json"), "所选对象不存在")
        refused(client.post("/api/v1/candidates/", {
            "organization": org("县财政局党组").pk, "applied_on": "2023-03-01", "name": "郑错误",
            "id_number": new_id_number()}, format="json"), "请选择党支部")
        refused(client.post("/api/v1/candidates/", {
            "organization": branch.pk, "applied_on": "2023-03-01"}, format="json"),
            "请选择人员，或填写新申请人")


@pytest.mark.parametrize(("body", "expected"), [
    ({"step": 5, "date": "2023-05-20"}, "下一步应为第4步"),
    ({"step": 4, "date": "2099-05-20"}, "日期不能晚于今天"),
    ({"step": 4, "date": "2023-05-01"}, "不能早于已记录的上一步"),
    ({"step": 4, "date": "2023-05-15", "introducers": [99_999_999]}, "所选对象不存在"),
    ({"step": 4, "date": "not a date"}, "日期"),
    ({"step": 0, "date": "2023-05-15"}, "步骤应为1至25"),
])
def test_a_bad_step_is_refused_and_nothing_saved(
    client: APIClient, applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate], body: dict[str, Any], expected: str,
) -> None:
    candidate = advance(applicant(), 3)
    with nothing_changes():
        refused(client.post(f"/api/v1/candidates/{candidate.pk}/steps/", body, format="json"),
                expected)
    candidate.refresh_from_db()
    assert (candidate.current_step, candidate.person.party_status) == (3, "入党积极分子")


def test_a_failed_vote_saves_nothing_and_keeps_the_status(
    client: APIClient, applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    candidate = advance(applicant(), 14)
    with nothing_changes():
        refused(client.post(f"/api/v1/candidates/{candidate.pk}/steps/", {
            "step": 15, "date": str(TIMELINE[15][0]), "should_attend": 20, "present": 12,
            "ayes": 9, "written_ayes": 0}, format="json"), "第二十一条、第二十二条")
    candidate.refresh_from_db()
    assert (candidate.current_step, candidate.person.party_status) == (14, "发展对象")


@pytest.mark.parametrize(("body", "expected"), [
    ({"date": "2099-01-01"}, "学习日期不能晚于今天"),
    ({"hours": "0"}, "学时应大于0"),
    ({"kind": "中心组学习"}, "中心组学习按领导班子记录"),
    ({"topic": "  "}, "不能为空"),
])
def test_a_bad_study_record_is_refused(
    client: APIClient, user: Callable[[str], User], body: dict[str, Any], expected: str,
) -> None:
    with nothing_changes():
        refused(client.post("/api/v1/study-records/", {
            "person": user("member").person_id, "kind": "专题研讨", "date": "2026-06-01",
            "hours": "2", "topic": "专题研讨", **body}, format="json"), expected)


def test_a_group_record_belongs_to_a_leading_group(
    client: APIClient, org: Callable[[str], Organization],
) -> None:
    with nothing_changes():
        refused(client.post("/api/v1/study-records/", {
            "organization": org("县财政局机关第一党支部").pk, "kind": "中心组学习",
            "date": "2026-06-01", "hours": "2", "topic": "中心组学习"}, format="json"),
            "应属于党委（党组）领导班子")


@pytest.mark.parametrize(("body", "expected"), [
    ({"date": "2099-01-01"}, "走访日期不能晚于今天"),
    ({"other_visitors": ""}, "请填写走访人员"),
    ({"amount": "-1"}, "慰问金额不能为负数"),
])
def test_a_bad_visit_is_refused(
    client: APIClient, user: Callable[[str], User], body: dict[str, Any], expected: str,
) -> None:
    with nothing_changes():
        refused(client.post("/api/v1/visits/", {
            "person": user("member").person_id, "kind": "患病党员", "campaign": "其他",
            "date": "2026-06-01", "other_visitors": "支部书记", **body}, format="json"),
            expected)


def test_only_party_members_are_visited(
    client: APIClient, applicant: Callable[..., Candidate],
) -> None:
    person = applicant().person
    with nothing_changes():
        refused(client.post("/api/v1/visits/", {
            "person": person.pk, "kind": "生活困难党员", "campaign": "春节",
            "date": "2026-02-10", "other_visitors": "支部书记"}, format="json"), "不是党员")
