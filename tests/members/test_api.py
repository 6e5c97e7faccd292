"""The API contract of issue 5: /api/v1/candidates/, …/steps/, /study-records/, /visits/."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import chinese_calendar
import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.members.models import Candidate
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person
from dangjian.people.services import person_create

from .conftest import TIMELINE, new_id_number

pytestmark = pytest.mark.django_db

CANDIDATES = "/api/v1/candidates/"


def open_for_new_applicant(client: APIClient, branch: Organization, **extra: Any) -> Any:
    number = new_id_number(date(1999, 4, 2), male=False)
    return client.post(CANDIDATES, {
        "organization": branch.pk, "applied_on": "2023-03-01", "name": "周新苗",
        "gender": "女", "birth_date": "1999-04-02", "id_number": number, **extra,
    }, format="json")


def test_a_clerk_opens_a_record_for_a_new_applicant_at_step_1(
    api_as: Callable[[str], APIClient], branch: Organization,
) -> None:
    response = open_for_new_applicant(api_as("finance_clerk"), branch)
    assert response.status_code == 201, response.content
    body = response.json()
    assert {"id", "person", "organization", "applied_on", "stage", "status", "steps",
            "next_due", "current_step", "probation_ends_on"} <= set(body)
    assert (body["current_step"], body["stage"], body["status"]) == (
        1, "一、申请入党", "入党申请人")
    assert body["steps"] == [{**body["steps"][0], "step": 1, "name": "递交入党申请书",
                              "date": "2023-03-01"}]
    [due] = body["next_due"]
    assert {"step": 2, "due": "2023-04-03"}.items() <= due.items()
    assert "第七条" in due["citation"] and due["rule"]
    person = Person.objects.get(pk=body["person"])
    assert (person.name, person.party_status, person.organization) == (
        "周新苗", PartyStatus.APPLICANT, branch)


def test_a_clerk_opens_a_record_for_a_person_on_file(
    api_as: Callable[[str], APIClient], branch: Organization, user: Callable[[str], User],
) -> None:
    person = person_create(actor=user("finance_clerk"), name="吴群众",
                           id_number=new_id_number(), organization=branch)
    response = api_as("finance_clerk").post(CANDIDATES, {
        "organization": branch.pk, "applied_on": "2026-10-08", "person": person.pk},
        format="json")
    assert response.status_code == 201, response.content
    assert response.json()["person_name"] == "吴群众"


def test_a_step_is_recorded_by_number_and_a_refusal_names_the_rule_and_article(
    api_as: Callable[[str], APIClient], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    candidate = advance(applicant(), 6)
    client = api_as("finance_clerk")
    url = f"{CANDIDATES}{candidate.pk}/steps/"
    refused = client.post(url, {"step": 7, "date": "2024-05-09",
                                "publicity_from": "2024-04-22"}, format="json")
    assert refused.status_code == 400
    detail = refused.json()["detail"]
    assert "入党积极分子经过一年以上培养教育和考察" in detail and "第十三条" in detail
    accepted = client.post(url, {"step": 7, "date": "2024-05-10",
                                 "publicity_from": "2024-04-22"}, format="json")
    assert accepted.status_code == 201, accepted.content
    body = accepted.json()
    assert (body["current_step"], body["status"]) == (7, "发展对象")
    assert body["steps"][-1]["step"] == 7


def test_introducers_are_sent_as_person_ids(
    api_as: Callable[[str], APIClient], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate], full_members: list[Person],
) -> None:
    candidate = advance(applicant(), 8)
    response = api_as("finance_clerk").post(f"{CANDIDATES}{candidate.pk}/steps/", {
        "step": 9, "date": str(TIMELINE[9][0]), "introducers": [p.pk for p in full_members]},
        format="json")
    assert response.status_code == 201, response.content
    assert response.json()["steps"][-1]["introducers"] == [p.pk for p in full_members]


def test_the_list_filters_by_status_and_shows_steps_and_next_due(
    api_as: Callable[[str], APIClient], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    activist = advance(applicant(), 3)
    applicant()
    rows = api_as("finance_clerk").get(CANDIDATES, {"status": "入党积极分子"}).json()["results"]
    assert [row["id"] for row in rows] == [activist.pk]
    assert len(rows[0]["steps"]) == 3 and rows[0]["next_due"]


def test_the_probation_is_extended_and_a_record_closed_through_the_api(
    api_as: Callable[[str], APIClient], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    client = api_as("finance_clerk")
    probationer = advance(applicant(), 22)
    extended = client.post(f"{CANDIDATES}{probationer.pk}/extend/", {
        "decided_on": "2025-08-02", "months": 6, "reason": "继续考察"}, format="json")
    assert extended.status_code == 200 and extended.json()["probation_ends_on"] == "2026-02-01"
    closed = client.post(f"{CANDIDATES}{applicant().pk}/close/", {
        "closed_on": "2023-03-05", "reason": "本人撤回"}, format="json")
    assert closed.status_code == 200
    assert (closed.json()["closed_on"], closed.json()["status"]) == ("2023-03-05", "已终止")
    assert closed.json()["next_due"] == []


def test_roles_that_do_not_enter_data_cannot_write(
    api_as: Callable[[str], APIClient], branch: Organization,
    applicant: Callable[..., Candidate],
) -> None:
    for username in ("vice_head", "county_head", "member", "inspector"):
        response = open_for_new_applicant(api_as(username), branch)
        assert response.status_code == 403, (username, response.content)
    candidate = applicant()
    step = {"step": 2, "date": "2023-03-15"}
    assert api_as("vice_head").post(f"{CANDIDATES}{candidate.pk}/steps/", step,
                                    format="json").status_code == 403
    assert api_as("edu_clerk").post(f"{CANDIDATES}{candidate.pk}/steps/", step,
                                    format="json").status_code == 404


def test_study_records_are_listed_and_created_for_members_and_leading_groups(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
    org: Callable[[str], Organization],
) -> None:
    client = api_as("finance_clerk")
    member = user("member").person
    created = client.post("/api/v1/study-records/", {
        "person": member.pk, "kind": "轮训", "date": "2026-06-10", "hours": "16",
        "topic": "党章党规专题轮训"}, format="json")
    assert created.status_code == 201, created.content
    assert {"id", "organization", "person", "kind", "date", "hours", "topic"} <= set(
        created.json())
    group = client.post("/api/v1/study-records/", {
        "organization": org("县财政局党组").pk, "kind": "中心组学习", "date": "2026-06-12",
        "hours": "3", "topic": "学习贯彻全会精神"}, format="json")
    assert group.status_code == 201, group.content
    listed = client.get("/api/v1/study-records/", {"year": 2026}).json()["results"]
    assert {row["id"] for row in listed} >= {created.json()["id"], group.json()["id"]}


def test_visits_are_listed_and_created(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
) -> None:
    client = api_as("finance_clerk")
    created = client.post("/api/v1/visits/", {
        "person": user("member").person_id, "kind": "老党员", "campaign": "七一",
        "date": "2026-06-28", "visitors": [user("finance_secretary").person_id],
        "other_visitors": "县委常委", "gifts": "慰问金", "amount": "500.00",
        "follow_up": "行动不便，需上门送学"}, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["campaign"], body["visitors"], body["amount"]) == (
        "七一", [user("finance_secretary").person_id], "500.00")
    assert [row["id"] for row in client.get("/api/v1/visits/").json()["results"]] == [body["id"]]


def test_the_openapi_schema_lists_the_members_paths(client: Any) -> None:
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    for path in ["/api/v1/candidates/", "/api/v1/candidates/{id}/",
                 "/api/v1/candidates/{id}/steps/", "/api/v1/study-records/", "/api/v1/visits/"]:
        assert path in paths, path


def _holiday_data_for(year: int) -> bool:
    """Whether the pinned chinesecalendar knows the year's 放假安排 (its data ends with 2026)."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def test_a_deadline_from_today_says_when_it_is_only_provisional(
    api_as: Callable[[str], APIClient], branch: Organization, client: Any,
) -> None:
    # On whatever day the suite's clock is set, the talk is due a month later; if that runs into
    # a year without holiday data the deadline is 暂定 — said in the API and on the page, not
    # an error.
    today = timezone.localdate()
    response = open_for_new_applicant(api_as("finance_clerk"), branch,
                                      applied_on=today.isoformat())
    assert response.status_code == 201, response.content
    [due] = response.json()["next_due"]
    due_on = date.fromisoformat(due["due"])
    assert today < due_on <= today + timedelta(days=40)
    known = all(_holiday_data_for(y) for y in range(today.year, due_on.year + 1))
    assert due["provisional"] is (not known)
    client.force_login(User.objects.get(username="finance_clerk"))
    page = client.get("/members/candidates/",
                      {"status": "入党申请人", "per_page": 100}).content.decode()
    assert (f"{due_on:%Y-%m-%d}前（暂定）" in page) is (not known)
