"""The organisation and person registers on the page kernel: every role's list, filters,
pagination, exports of exactly the filtered rows (persons masked only), scope, detail pages."""

import io
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import load_workbook

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from tests.web.walk import ROLES

pytestmark = pytest.mark.django_db
# The 三员 have no business scope: the registers are empty for them, never an error.
BUSINESS_FREE = {"admin", "secadmin", "auditor"}



def _sheet(content: bytes) -> list[list[object]]:
    rows = load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
    return [list(row) for row in rows]


@pytest.mark.parametrize("username", ROLES)
def test_every_role_opens_both_registers(username: str, as_user: Callable[[str], Client]
                                         ) -> None:
    client = as_user(username)
    for url in ("/organizations/", "/persons/"):
        page = client.get(url)
        assert page.status_code == 200, (username, url)
        text = page.content.decode()
        assert 'data-testid="register"' in text and 'data-testid="pager"' in text
        if username in BUSINESS_FREE:
            assert "共 0 条" in text


def test_the_organization_list_filters_by_kind_and_counts_by_kind(
    as_user: Callable[[str], Client],
) -> None:
    client = as_user("county_head")
    text = client.get("/organizations/", {"kind": "党支部"}).content.decode()
    branches = Organization.objects.filter(kind="党支部").count()
    assert f"共 {branches} 条" in text
    assert f"党支部 <b>{branches}</b>" in text  # the count by kind, under the other filters
    beyond = client.get("/organizations/", {"kind": "党支部", "page": 999}).content.decode()
    last = (branches + 19) // 20
    assert f"第 {last}/{last} 页" in beyond  # past the end: the last page, not an error


def test_the_organization_export_holds_exactly_the_filtered_rows(
    as_user: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    finance = user("finance_clerk").grants.get().organization
    response = as_user("county_head").get("/organizations/", {"subtree": finance.pk,
                                                              "export": "xlsx"})
    values = _sheet(response.content)
    names = [row[0] for row in values[2:]]
    expected = Organization.objects.filter(path__startswith=finance.path).order_by("path")
    assert names == [o.name for o in expected]
    assert AuditEvent.objects.filter(action="register.export").latest("id").after["rows"] == \
        len(names)


def test_the_organization_detail_shows_children_leaders_posts_and_persons(
    as_user: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    finance = user("finance_clerk").grants.get().organization
    text = as_user("county_head").get(f"/organizations/{finance.pk}/").content.decode()
    for heading in ("下级组织", "分管领导", "职务", "人员", "党员数", "办理记录"):
        assert heading in text, heading
    child = Organization.objects.filter(parent=finance).first()
    assert child is not None and child.name in text
    vice = user("vice_head").person
    assert vice.name in text  # the 分管 leader of 县财政局


def test_an_organization_outside_the_scope_is_404(
    as_user: Callable[[str], Client],
) -> None:
    education = Organization.objects.get(name="县教育局机关第一党支部")
    client = as_user("finance_clerk")
    assert client.get(f"/organizations/{education.pk}/").status_code == 404
    text = client.get("/organizations/").content.decode()
    assert f'data-testid="organization-{education.pk}"' not in text


def test_the_person_export_carries_masked_values_only_and_is_audited(
    as_user: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    me = user("finance_clerk").person
    response = as_user("finance_clerk").get("/persons/", {"name": me.name, "export": "xlsx"})
    values = _sheet(response.content)
    header = values[1]
    assert header == ["姓名", "性别", "政治面貌", "所在组织", "身份证号", "手机号"]
    row = next(r for r in values[2:] if r[3] == me.organization.name)
    assert row[4] == me.id_number_masked and "*" in str(row[4])
    assert row[5] == me.phone_masked
    event = AuditEvent.objects.filter(action="register.export").latest("id")
    assert event.after["register"] == "人员名册" and event.username == "finance_clerk"


def test_the_person_list_counts_by_party_status_and_filters(
    as_user: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    client = as_user("finance_clerk")
    text = client.get("/persons/", {"party_status": "正式党员"}).content.decode()
    assert 'data-testid="status-counts"' in text and "正式党员 <b>" in text
    edu = user("edu_clerk").person
    assert f'data-testid="person-{edu.pk}"' not in client.get("/persons/").content.decode()
    assert client.get(f"/persons/{edu.pk}/").status_code == 404


def test_the_person_detail_masks_and_only_the_permitted_may_unmask(
    as_user: Callable[[str], Client], user: Callable[[str], User],
) -> None:
    person = user("finance_clerk").person
    clerk_page = as_user("finance_clerk").get(f"/persons/{person.pk}/").content.decode()
    assert person.id_number_masked in clerk_page and "政治面貌" in clerk_page
    assert "查看完整个人信息" not in clerk_page  # no permission, no button
    assert as_user("finance_clerk").get(f"/persons/{person.pk}/unmask/").status_code == 403

    secretary = as_user("finance_secretary")
    page = secretary.get(f"/persons/{person.pk}/").content.decode()
    assert "查看完整个人信息" in page
    confirm = secretary.get(f"/persons/{person.pk}/unmask/")
    assert "确认查看" in confirm.content.decode()
    assert not AuditEvent.objects.filter(action="person.unmask", object_id=str(person.pk)).exists()
    shown = secretary.post(f"/persons/{person.pk}/unmask/").content.decode()
    full = Person.objects.get(pk=person.pk)
    assert 'data-testid="unmasked"' in shown and full.id_number_masked not in shown
    event = AuditEvent.objects.get(action="person.unmask", object_id=str(person.pk))
    assert event.username == "finance_secretary" and event.success
    history = secretary.get(f"/persons/{person.pk}/").content.decode()
    assert "查看完整个人信息" in history.split('data-testid="history"')[1]
