"""等保 访问控制 d (三员分立): no administrator holds a business role or another 三员 role,
and nobody grants themselves anything. Each refusal is audited and changes nothing."""

from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from dangjian.access.models import RoleGrant, User
from dangjian.access.services import grant_role
from dangjian.audit.models import AuditEvent
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def finance(org: Callable[[str], Organization]) -> Organization:
    return org("县财政局")


@pytest.mark.parametrize(("username", "role", "message"), [
    ("admin", "党务干事", "系统管理员不能持有业务角色（党务干事）"),
    ("auditor", "县领导", "审计管理员不能持有业务角色（县领导）"),
    ("finance_clerk", "审计管理员", "该用户持有业务角色（党务干事），不能兼任审计管理员"),
    ("admin", "审计管理员", "三员须由不同人员担任：该用户已是系统管理员"),
])
def test_the_security_administrator_cannot_mix_administration_and_business(
    username: str, role: str, message: str, api_as: Callable[[str], APIClient],
    user: Callable[[str], User], finance: Organization,
) -> None:
    target = user(username)
    before = set(RoleGrant.objects.values_list("pk", flat=True))
    response = api_as("secadmin").post("/api/v1/grants/", {
        "user": target.pk, "role": role, "organization": finance.pk})
    assert response.status_code == 400
    assert response.json()["detail"].startswith(message)
    assert "GB/T 22239-2019 8.1.4.2 d" in response.json()["detail"]
    assert set(RoleGrant.objects.values_list("pk", flat=True)) == before
    event = AuditEvent.objects.filter(action="grant.create").latest("id")
    assert event.success is False and event.username == "secadmin"
    assert event.after["refused"] == message and event.after["role"] == role


@pytest.mark.parametrize("role", ["党务干事", "系统管理员"])
def test_nobody_grants_themselves_a_role(
    role: str, user: Callable[[str], User], finance: Organization,
) -> None:
    secadmin = user("secadmin")
    with pytest.raises(ValidationError, match="不能给自己授予角色"):
        grant_role(actor=secadmin, user=secadmin, role=role, organization=finance)
    assert list(secadmin.grants.values_list("role", flat=True)) == ["安全管理员"]
    assert AuditEvent.objects.filter(action="grant.create", success=False,
                                     username="secadmin").exists()


def test_a_business_role_may_still_be_added_to_a_business_user(
    user: Callable[[str], User], finance: Organization,
) -> None:
    grant = grant_role(actor=user("secadmin"), user=user("member"), role="党务干事",
                       organization=finance)
    event = AuditEvent.objects.filter(action="grant.create").latest("id")
    assert event.success and event.object_id == str(grant.pk)
