import re
from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from dangjian.people.services import person_find_by_id_number

pytestmark = pytest.mark.django_db

FULL_ID_NUMBER = re.compile(r"\d{17}[\dX]")
NEW_NUMBER = "11010519491231002X"


def _create(client: APIClient, org: Organization, **extra: str) -> dict:
    body = {"name": "林晓", "id_number": NEW_NUMBER, "organization": org.pk,
            "party_status": "入党积极分子", "phone": "13912345678", **extra}
    return client.post("/api/v1/persons/", body, format="json")


def test_a_clerk_registers_a_person_stored_encrypted_and_shown_masked(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    response = _create(api_as("finance_clerk"), org("县财政局机关第一党支部"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["id_number"] == "110105********002X" and body["phone"] == "139****5678"
    person = Person.objects.get(pk=body["id"])
    assert NEW_NUMBER not in person.id_number_encrypted
    assert person_find_by_id_number(NEW_NUMBER.lower()) == person
    assert person.gender == "女"  # 17th digit 2: even, female
    assert str(person.birth_date) == "1949-12-31"
    event = AuditEvent.objects.get(action="person.create", object_id=str(person.pk))
    assert NEW_NUMBER not in str(event.after) and event.after["id_number"] == body["id_number"]


@pytest.mark.parametrize(
    ("number", "message"),
    [("110105194912310021", "校验位不正确"), ("11010519490231002X", "出生日期"), ("123", "18位")],
)
def test_a_bad_id_number_is_refused_in_chinese_and_nothing_is_saved(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
    number: str, message: str,
) -> None:
    before = Person.objects.count()
    response = _create(api_as("finance_clerk"), org("县财政局机关第一党支部"), id_number=number)
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert "id_number" in response.json()["errors"]
    assert Person.objects.count() == before


def test_a_number_already_registered_is_refused(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    client = api_as("finance_clerk")
    branch = org("县财政局机关第一党支部")
    assert _create(client, branch).status_code == 201
    again = _create(client, branch, name="另一人")
    assert again.status_code == 400 and "已登记" in again.json()["detail"]
    assert Person.objects.filter(name="另一人").count() == 0


def test_a_clerk_cannot_register_a_person_in_another_unit(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    response = _create(api_as("finance_clerk"), org("县教育局机关第一党支部"))
    assert response.status_code == 400 and "不在您的范围内" in response.json()["detail"]


@pytest.mark.parametrize("username", ["county_head", "vice_head", "finance_clerk", "member"])
def test_no_list_or_page_ever_shows_a_full_id_number(
    username: str, api_as: Callable[[str], APIClient], user: Callable[[str], User]
) -> None:
    api_text = api_as(username).get("/api/v1/persons/", {"page_size": 500}).content.decode()
    assert '"id_number":"99' in api_text.replace(" ", "")
    assert not FULL_ID_NUMBER.search(api_text)
    page = Client()
    page.force_login(user(username))
    html = page.get("/persons/").content.decode()
    assert "********" in html
    assert not FULL_ID_NUMBER.search(html)


def test_unmasking_needs_the_permission_and_is_audited_either_way(
    api_as: Callable[[str], APIClient], user: Callable[[str], User]
) -> None:
    member = user("member").person
    refused = api_as("finance_clerk").post(f"/api/v1/persons/{member.pk}/unmask/")
    assert refused.status_code == 403 and "权限" in refused.json()["detail"]
    allowed = api_as("finance_secretary").post(f"/api/v1/persons/{member.pk}/unmask/")
    assert allowed.status_code == 200
    number = allowed.json()["id_number"]
    assert FULL_ID_NUMBER.fullmatch(number) and number.endswith(member.id_number_masked[-4:])
    events = AuditEvent.objects.filter(action="person.unmask", object_id=str(member.pk))
    assert sorted(events.values_list("username", "success")) == [
        ("finance_clerk", False), ("finance_secretary", True)]


def test_unmasking_outside_the_scope_answers_404(
    api_as: Callable[[str], APIClient], user: Callable[[str], User]
) -> None:
    outsider = user("edu_clerk").person
    response = api_as("finance_secretary").post(f"/api/v1/persons/{outsider.pk}/unmask/")
    assert response.status_code == 404


def test_the_list_filters_by_status_organisation_and_subtree(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization]
) -> None:
    client = api_as("county_head")
    finance = org("县财政局")
    rows = client.get("/api/v1/persons/", {"subtree": finance.pk, "kind": "正式党员",
                                           "page_size": 500}).json()
    assert rows["count"] == Person.objects.filter(
        organization__path__startswith=finance.path, party_status="正式党员").count() > 0
    assert {r["kind"] for r in rows["results"]} == {"正式党员"}
    branch = org("县财政局机关第一党支部")
    direct = client.get("/api/v1/persons/", {"parent": branch.pk}).json()["results"]
    assert direct and {r["parent"] for r in direct} == {branch.pk}


def test_demo_numbers_use_an_area_code_no_real_person_has() -> None:
    prefixes = {p[:2] for p in Person.objects.values_list("id_number_masked", flat=True)}
    assert prefixes == {"99"}  # GB/T 2260 has no province 99
