"""Issue 13: 学历, 一线/关键岗位 and 生活困难 are personal: the person's own page and API record
show them to who sees the person, the register list and its export never."""

import io
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import load_workbook
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.people.models import Education, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(user: Callable[[str], User]) -> Person:
    person = user("member").person
    Person.objects.filter(pk=person.pk).update(education=Education.POSTGRADUATE,
                                               front_line=True, in_hardship=True)
    return person


def _client(account: User) -> Client:
    client = Client()
    client.force_login(account)
    return client


def test_the_persons_page_shows_the_facts_to_who_sees_the_person(
    user: Callable[[str], User], member: Person,
) -> None:
    html = _client(user("finance_clerk")).get(f"/persons/{member.pk}/").content.decode()
    assert "学历" in html and "研究生" in html and "生活困难" in html and "一线或关键岗位" in html
    assert _client(user("edu_clerk")).get(f"/persons/{member.pk}/").status_code == 404


def test_the_register_list_and_its_export_carry_no_facts(
    user: Callable[[str], User], member: Person,
) -> None:
    client = _client(user("finance_clerk"))
    html = client.get("/persons/", {"name": member.name}).content.decode()
    assert member.name in html and "生活困难" not in html and "研究生" not in html
    response = client.get("/persons/", {"name": member.name, "export": "xlsx"})
    cells = {str(c.value) for row in load_workbook(io.BytesIO(response.content)).active
             .iter_rows() for c in row if c.value is not None}
    assert member.name in cells and "研究生" not in cells and "生活困难" not in cells


def test_the_api_gives_the_facts_with_the_person_in_scope_only(
    api_as: Callable[[str], APIClient], member: Person,
) -> None:
    body = api_as("finance_clerk").get(f"/api/v1/persons/{member.pk}/").json()
    assert (body["education"], body["front_line"], body["in_hardship"]) == (
        "研究生", True, True)
    assert api_as("edu_clerk").get(f"/api/v1/persons/{member.pk}/").status_code == 404
