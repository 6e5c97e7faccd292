"""新增人员 as a page: the unit's clerk or secretary registers a person of its organisations;
the ID number and phone are stored encrypted, shown masked and never repeated in a message."""

import re
from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from dangjian.people.services import person_find_by_id_number
from tests.refused_forms import assert_every_field_named, summary_of

pytestmark = pytest.mark.django_db

BRANCH = "县财政局机关第一党支部"
NEW_NUMBER = "11010519491231002X"
PHONE = "13912345678"



def _form(org: Organization, **changes: str) -> dict[str, str]:
    return {"name": "林晓", "id_number": NEW_NUMBER, "organization": str(org.pk),
            "party_status": "入党积极分子", "phone": PHONE, "joined_party_on": "", **changes}


def _messages(response: object) -> str:
    return " ".join(str(m) for m in response.context["messages"])  # type: ignore[attr-defined]


def test_a_clerk_registers_a_person_stored_encrypted_shown_masked_and_audited(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch = org(BRANCH)
    client = as_user("finance_clerk")
    form = client.get("/persons/new/", {"organization": branch.pk})
    assert form.status_code == 200
    assert f'<option value="{branch.pk}" selected>' in form.content.decode()
    done = client.post("/persons/new/", _form(branch))
    person = person_find_by_id_number(NEW_NUMBER)
    assert person is not None
    assert done.status_code == 302 and done.url == f"/persons/{person.pk}/"
    assert (person.name, person.organization_id, person.party_status, person.gender) == (
        "林晓", branch.pk, "入党积极分子", "女")
    assert NEW_NUMBER not in person.id_number_encrypted and person.phone_masked == "139****5678"
    event = AuditEvent.objects.get(action="person.create", object_id=str(person.pk))
    assert event.username == "finance_clerk" and NEW_NUMBER not in str(event.after)
    shown = client.get(done.url)
    text = shown.content.decode()
    assert "已新增人员：林晓" in text
    assert NEW_NUMBER not in text and PHONE not in text
    assert not re.search(r"\d{17}[\dX]", text)


def test_a_refused_form_names_each_field_keeps_the_draft_and_never_echoes_the_numbers(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    before = Person.objects.count()
    response = as_user("finance_clerk").post("/persons/new/", _form(
        org(BRANCH), name=" ", party_status="党员", joined_party_on="2020-13-01"), follow=True)
    html = assert_every_field_named(response, "person", {
        "name": "姓名", "party_status": "政治面貌", "joined_party_on": "入党时间"})
    assert 'value="2020-13-01"' in html and f'value="{NEW_NUMBER}"' in html  # the draft
    assert Person.objects.count() == before

    wrong = NEW_NUMBER[:-1] + "3"  # a bad check digit: the service's message, not the number
    refused = as_user("finance_clerk").post("/persons/new/", _form(org(BRANCH), id_number=wrong),
                                            follow=True)
    summary = summary_of(assert_every_field_named(refused, "person", {"id_number": "身份证号"}))
    assert "身份证号校验位不正确" in summary and wrong not in summary
    short_phone = "139123"
    refused = as_user("finance_clerk").post("/persons/new/", _form(org(BRANCH),
                                                                   phone=short_phone),
                                            follow=True)
    summary = summary_of(assert_every_field_named(refused, "person", {"phone": "手机号"}))
    assert "手机号只能包含7到15位数字" in summary and short_phone not in summary
    assert Person.objects.count() == before


def test_a_number_already_registered_is_refused_without_repeating_it(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    client = as_user("finance_clerk")
    assert client.post("/persons/new/", _form(org(BRANCH)), follow=True).status_code == 200
    again = client.post("/persons/new/", _form(org(BRANCH), name="林晓二"), follow=True)
    html = assert_every_field_named(again, "person", {"id_number": "身份证号"})
    assert "该身份证号已登记，请勿重复录入" in html
    assert Person.objects.filter(name__startswith="林晓").count() == 1


def test_a_clerk_of_another_unit_cannot_register_a_person_there(
        as_user: Callable[[str], Client], org: Callable[[str], Organization]) -> None:
    branch, before = org(BRANCH), Person.objects.count()
    client = as_user("edu_clerk")
    assert client.get("/persons/new/", {"organization": branch.pk}).status_code == 404
    refused = client.post("/persons/new/", _form(branch), follow=True)
    assert "所选对象不存在，或不在您的范围内" in refused.content.decode()
    assert Person.objects.count() == before


@pytest.mark.parametrize("username", ["member", "county_head"])
def test_a_role_that_does_not_enter_data_is_refused_with_the_apis_reason(
        username: str, as_user: Callable[[str], Client],
        org: Callable[[str], Organization]) -> None:
    branch, before = org(BRANCH), Person.objects.count()
    client = as_user(username)
    for query in ({}, {"organization": branch.pk}):
        page = client.get("/persons/new/", query)
        assert page.status_code == 403
        assert "您没有在该组织录入人员的权限" in page.content.decode()
    refused = client.post("/persons/new/", _form(branch), follow=True)
    assert refused.status_code == 403
    assert "您没有在该组织录入人员的权限" in _messages(refused)
    assert Person.objects.count() == before
    assert "/persons/new/" not in client.get("/persons/").content.decode()


def test_the_person_list_offers_the_form_to_the_clerk(as_user: Callable[[str], Client]) -> None:
    listed = as_user("finance_secretary").get("/persons/").content.decode()
    assert 'href="/persons/new/">新增人员</a>' in listed
