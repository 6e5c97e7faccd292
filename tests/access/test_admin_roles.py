"""The 三员 (等保 三员分立): each administrator does one job and sees no business data."""

from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import RoleGrant, User
from dangjian.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

ADMIN_ENDPOINTS = {
    "admin": "/api/v1/users/",
    "secadmin": "/api/v1/grants/",
    "auditor": "/api/v1/audit-events/",
}


@pytest.mark.parametrize("username", list(ADMIN_ENDPOINTS))
def test_each_administrator_reaches_only_their_own_endpoint(
    username: str, api_as: Callable[[str], APIClient]
) -> None:
    client = api_as(username)
    for owner, url in ADMIN_ENDPOINTS.items():
        expected = 200 if owner == username else 403
        assert client.get(url).status_code == expected, (username, url)


@pytest.mark.parametrize("username", ["county_head", "finance_clerk", "member"])
def test_business_roles_reach_no_administration_endpoint(
    username: str, api_as: Callable[[str], APIClient]
) -> None:
    for url in ADMIN_ENDPOINTS.values():
        response = api_as(username).get(url)
        assert response.status_code == 403 and "仅限" in response.json()["detail"]


def test_the_system_administrator_creates_a_user_and_a_duplicate_is_refused(
    api_as: Callable[[str], APIClient]
) -> None:
    client = api_as("admin")
    body = {"username": "new_clerk", "password": "Str0ng!Passw0rd", "display_name": "新干事"}
    assert client.post("/api/v1/users/", body).status_code == 201
    again = client.post("/api/v1/users/", {**body, "username": "NEW_CLERK"})
    assert again.status_code == 400
    assert again.json()["detail"] == "用户名“NEW_CLERK”已存在"
    assert User.objects.filter(username__iexact="new_clerk").count() == 1
    assert AuditEvent.objects.filter(action="user.create", username="admin").count() == 1


def test_the_security_administrator_grants_and_revokes_roles_with_audit(
    api_as: Callable[[str], APIClient], user: Callable[[str], User]
) -> None:
    client = api_as("secadmin")
    target = user("member")
    missing_org = client.post("/api/v1/grants/", {"user": target.pk, "role": "党务干事"})
    assert missing_org.status_code == 400 and "范围组织" in missing_org.json()["detail"]
    finance = user("finance_clerk").grants.get().organization
    made = client.post("/api/v1/grants/", {"user": target.pk, "role": "党务干事",
                                           "organization": finance.pk})
    assert made.status_code == 201, made.content
    assert client.delete(f"/api/v1/grants/{made.json()['id']}/").status_code == 204
    assert not RoleGrant.objects.filter(pk=made.json()["id"]).exists()
    actions = AuditEvent.objects.filter(username="secadmin").values_list("action", flat=True)
    assert list(actions) == ["grant.create", "grant.revoke"]


def test_the_audit_administrator_reads_events_but_cannot_change_them(
    api_as: Callable[[str], APIClient]
) -> None:
    client = api_as("auditor")
    event = AuditEvent.objects.first()
    assert event is not None
    assert client.get(f"/api/v1/audit-events/{event.pk}/").json()["hash"] == event.hash
    assert client.delete(f"/api/v1/audit-events/{event.pk}/").status_code == 405
    assert client.patch(f"/api/v1/audit-events/{event.pk}/", {"action": "x"}).status_code == 405
