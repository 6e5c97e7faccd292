"""Issue 10: one ID number, one person. Full-width digits, spaces and a lower-case x are the
same number: normalised (NFKC, upper-case X, no spaces) before validating, hashing, storing."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.core.crypto import decrypt_field, lookup_hash
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.members.services.roster import ROSTER_HEADERS
from dangjian.orgs.models import Organization
from dangjian.people import idnumber
from dangjian.people.models import Person

pytestmark = pytest.mark.django_db

NUMBER = idnumber.synthesise("990077", date(1991, 3, 8), 123)
BRANCH = "县财政局机关第一党支部"


def full_width(text: str) -> str:
    """ASCII digits as full-width ones (U+FF10…); the check character stays ASCII."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def spaced(text: str) -> str:
    return f" {text[:6]} {text[6:14]}　{text[14:].lower()} "  # an ideographic space too


def _create(client: APIClient, branch: Organization, number: str, **extra: str) -> object:
    return client.post("/api/v1/persons/", {
        "name": "林同", "id_number": number, "organization": branch.pk,
        "party_status": "群众", **extra}, format="json")


@pytest.mark.parametrize("variant", [full_width, spaced])
def test_the_same_number_written_otherwise_is_refused_as_already_registered(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
    variant: Callable[[str], str],
) -> None:
    client, branch = api_as("finance_clerk"), org(BRANCH)
    assert _create(client, branch, NUMBER).status_code == 201
    again = _create(client, branch, variant(NUMBER))
    assert again.status_code == 400 and "已登记" in again.json()["detail"]
    assert Person.objects.filter(name="林同").count() == 1


def test_a_full_width_number_and_phone_are_stored_in_the_canonical_form(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
) -> None:
    response = _create(api_as("finance_clerk"), org(BRANCH), full_width(NUMBER),
                       phone=full_width(" 139 1234 5678"))
    assert response.status_code == 201, response.content
    person = Person.objects.get(pk=response.json()["id"])
    assert decrypt_field(person.id_number_encrypted) == NUMBER
    assert person.id_number_hash == lookup_hash(NUMBER)
    assert decrypt_field(person.phone_encrypted) == "13912345678"
    assert person.phone_masked == "139****5678"


@pytest.mark.parametrize("number", ["٠" * 17 + "1", "९" + NUMBER[1:]])  # Arabic, Devanagari
def test_digits_that_are_not_decimal_after_normalising_are_refused(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization], number: str,
) -> None:
    before = Person.objects.count()
    response = _create(api_as("finance_clerk"), org(BRANCH), number)
    assert response.status_code == 400 and "18位" in response.json()["detail"]
    assert Person.objects.count() == before


def test_a_second_development_file_cannot_be_opened_with_a_full_width_number(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
) -> None:
    client, branch = api_as("finance_clerk"), org(BRANCH)
    applied_on = (timezone.localdate() - timedelta(days=7)).isoformat()

    def open_file(number: str) -> object:
        return client.post("/api/v1/candidates/", {
            "organization": branch.pk, "applied_on": applied_on, "name": "周同",
            "gender": "女", "id_number": number}, format="json")

    number = idnumber.synthesise("990077", date(1995, 5, 5), 124)
    assert open_file(number).status_code == 201
    again = open_file(full_width(number))
    assert again.status_code == 400 and "已登记" in again.json()["detail"]
    assert Person.objects.filter(name="周同").count() == 1


def _upload(client: APIClient, rows: list[list[object]]) -> tuple[int, dict[str, object]]:
    data = render_xlsx(title="党员花名册", headers=ROSTER_HEADERS, rows=rows)
    response = client.post("/api/v1/members/roster/",
                           {"file": SimpleUploadedFile("花名册.xlsx", data)}, format="multipart")
    return response.status_code, response.json()


def test_the_roster_import_sees_a_full_width_number_as_the_same_person(
    api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
) -> None:
    client = api_as("finance_clerk")
    assert _create(client, org(BRANCH), NUMBER).status_code == 201
    other = idnumber.synthesise("990077", date(1992, 4, 9), 125)
    code, body = _upload(client, [
        ["全角", full_width(NUMBER), "群众", BRANCH, "", ""],
        ["甲", other, "群众", BRANCH, "", ""],
        ["乙", spaced(other), "群众", BRANCH, "", ""],
    ])
    assert code == 400
    assert body["errors"]["non_field_errors"] == [  # type: ignore[index]
        "第1行：该身份证号已登记，请勿重复录入", "第3行：身份证号与第2行重复"]
    assert not Person.objects.filter(name__in=["全角", "甲", "乙"]).exists()


def test_the_roster_stores_full_width_phones_in_ascii(
    api_as: Callable[[str], APIClient],
) -> None:
    code, _ = _upload(api_as("finance_clerk"), [
        ["丙", full_width(NUMBER), "群众", BRANCH, full_width("138 0000 1111"), ""]])
    assert code == 201
    person = Person.objects.get(name="丙")
    assert decrypt_field(person.phone_encrypted) == "13800001111"
    assert decrypt_field(person.id_number_encrypted) == NUMBER
