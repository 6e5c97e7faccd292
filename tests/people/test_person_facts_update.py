"""Issue 13: who maintains a unit's roster records a person's 学历, 一线或关键岗位 and 生活困难
(service, PATCH /api/v1/persons/{id}/facts/ and the person's page), audited, scoped, once."""

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.people.models import Education, Person
from dangjian.people.services import person_facts_update
from tests.refused_forms import assert_every_field_named

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(user: Callable[[str], User]) -> Person:
    """The finance branch's member, recorded as 高中, not front line, not in hardship."""
    person = user("member").person
    Person.objects.filter(pk=person.pk).update(education=Education.HIGH_SCHOOL,
                                               front_line=False, in_hardship=False)
    person.refresh_from_db()
    return person


def _facts(person: Person) -> tuple[str, bool, bool]:
    person.refresh_from_db()
    return person.education, person.front_line, person.in_hardship


def _events(person: Person) -> int:
    return AuditEvent.objects.filter(action="person.facts", object_id=str(person.pk)).count()


def _url(person: Person) -> str:
    return f"/api/v1/persons/{person.pk}/facts/"


def test_the_clerk_records_the_facts_audited_before_and_after(
    user: Callable[[str], User], member: Person,
) -> None:
    person_facts_update(actor=user("finance_clerk"), person=member, education="大学本科",
                        front_line=True, in_hardship=True)

    assert _facts(member) == ("大学本科", True, True)
    event = AuditEvent.objects.get(action="person.facts", object_id=str(member.pk))
    assert event.before == {"education": "高中", "front_line": False, "in_hardship": False}
    assert event.after == {"education": "大学本科", "front_line": True, "in_hardship": True}


def test_the_same_values_twice_change_and_record_nothing(
    api_as: Callable[[str], APIClient], member: Person,
) -> None:
    client = api_as("finance_secretary")
    first = client.patch(_url(member), {"education": "研究生"}, format="json")
    assert first.status_code == 200, first.content
    assert first.json()["education"] == "研究生" and _events(member) == 1

    second = client.patch(_url(member), {"education": "研究生"}, format="json")

    assert second.status_code == 200 and second.json()["education"] == "研究生"
    assert _events(member) == 1


def test_a_patch_keeps_the_fields_it_does_not_send(
    api_as: Callable[[str], APIClient], member: Person,
) -> None:
    response = api_as("finance_clerk").patch(_url(member), {"in_hardship": True}, format="json")

    assert response.status_code == 200, response.content
    assert _facts(member) == ("高中", False, True)
    body = response.json()
    assert (body["id"], body["id_number"]) == (member.pk, member.id_number_masked)  # usual shape


def test_a_person_outside_the_scope_is_not_found_and_not_changed(
    api_as: Callable[[str], APIClient], user: Callable[[str], User], member: Person,
) -> None:
    response = api_as("edu_clerk").patch(_url(member), {"front_line": True}, format="json")
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        person_facts_update(actor=user("edu_clerk"), person=member, education="",
                            front_line=True, in_hardship=False)
    assert _facts(member) == ("高中", False, False) and _events(member) == 0


@pytest.mark.parametrize("username", ["member", "inspector"])
def test_who_sees_the_person_but_keeps_no_roster_is_refused(
    api_as: Callable[[str], APIClient], member: Person, username: str,
) -> None:
    """The member (the role below the clerk, on their own record) and the inspector."""
    response = api_as(username).patch(_url(member), {"front_line": True}, format="json")

    assert response.status_code == 403
    assert "党务干事或书记" in response.json()["detail"]
    assert _facts(member) == ("高中", False, False) and _events(member) == 0


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"education": "本科"}, "education", "未知的学历：“本科”"),
    ({"front_line": "也许"}, "front_line", ""),
])
def test_bad_values_are_refused_and_nothing_changes(
    api_as: Callable[[str], APIClient], member: Person, body: dict[str, str], field: str,
    message: str,
) -> None:
    response = api_as("finance_clerk").patch(_url(member), body, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert message in str(response.json()["errors"][field])
    assert _facts(member) == ("高中", False, False) and _events(member) == 0


def test_the_service_names_every_bad_value_in_chinese(
    user: Callable[[str], User], member: Person,
) -> None:
    with pytest.raises(ValidationError) as refused:
        person_facts_update(actor=user("finance_clerk"), person=member, education="博士",
                            front_line="是", in_hardship=None)

    assert set(refused.value.message_dict) == {"education", "front_line", "in_hardship"}
    assert refused.value.message_dict["in_hardship"] == ["生活困难应为“是”或“否”"]
    assert _facts(member) == ("高中", False, False)


def _client(account: User) -> Client:
    client = Client()
    client.force_login(account)
    return client


def test_the_page_records_the_facts_from_the_person_detail(
    user: Callable[[str], User], member: Person,
) -> None:
    client = _client(user("finance_clerk"))
    detail = client.get(f"/persons/{member.pk}/").content.decode()
    assert f"/persons/{member.pk}/facts/" in detail
    form = client.get(f"/persons/{member.pk}/facts/").content.decode()
    assert 'value="高中" selected' in form

    response = client.post(f"/persons/{member.pk}/facts/",
                           {"education": "中专", "front_line": "是", "in_hardship": "否"})

    assert response.status_code == 302 and response["Location"] == f"/persons/{member.pk}/"
    assert _facts(member) == ("中专", True, False)


def test_the_page_keeps_a_refused_value_with_its_message(
    user: Callable[[str], User], member: Person,
) -> None:
    client = _client(user("finance_clerk"))
    response = client.post(f"/persons/{member.pk}/facts/",
                           {"education": "高中", "front_line": "不清楚", "in_hardship": "否"})

    assert response["Location"] == f"/persons/{member.pk}/facts/"
    form = assert_every_field_named(client.get(response["Location"]), f"facts-{member.pk}",
                                    {"front_line": "一线或关键岗位"})
    assert "一线或关键岗位应为“是”或“否”" in form
    assert _facts(member) == ("高中", False, False)


def test_the_page_is_not_offered_to_who_may_not_edit(
    user: Callable[[str], User], member: Person,
) -> None:
    client = _client(user("member"))
    assert f"/persons/{member.pk}/facts/" not in client.get(
        f"/persons/{member.pk}/").content.decode()
    assert client.get(f"/persons/{member.pk}/facts/").status_code == 403
    client.post(f"/persons/{member.pk}/facts/",
                {"education": "中专", "front_line": "是", "in_hardship": "否"})
    assert _facts(member) == ("高中", False, False)
    assert _client(user("edu_clerk")).get(f"/persons/{member.pk}/facts/").status_code == 404
