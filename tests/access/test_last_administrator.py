"""Issue 10: the 三员 cannot be revoked into nobody, and the console can grant a role back."""

from collections.abc import Callable

import pytest
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from dangjian.access import services
from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role
from dangjian.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

GRANTS = "/api/v1/grants/"


def _new_user(username: str, *, active: bool = True) -> User:
    made = User.objects.create_user(username=username, password=None, is_active=active)
    return made


def _grant_of(user: User, role: str) -> RoleGrant:
    return RoleGrant.objects.get(user=user, role=role)


def test_the_security_administrator_cannot_revoke_their_own_grant(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
) -> None:
    own = _grant_of(user("secadmin"), Role.SECURITY_ADMIN)
    response = api_as("secadmin").delete(f"{GRANTS}{own.pk}/")
    assert response.status_code == 400
    assert "不能撤销自己的安全管理员授权" in response.json()["detail"]
    assert RoleGrant.objects.filter(pk=own.pk).exists()
    event = AuditEvent.objects.get(action="grant.revoke", username="secadmin")
    assert event.success is False and "自己" in event.after["refused"]


def test_the_last_grant_of_a_three_administrator_role_is_kept(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
) -> None:
    auditor = _grant_of(user("auditor"), Role.AUDIT_ADMIN)
    # an inactive holder cannot audit anything: it does not count
    idle = _new_user("idle_auditor", active=False)
    RoleGrant.objects.create(user=idle, role=Role.AUDIT_ADMIN)
    response = api_as("secadmin").delete(f"{GRANTS}{auditor.pk}/")
    assert response.status_code == 400
    assert "最后一个有效的审计管理员授权" in response.json()["detail"]
    assert RoleGrant.objects.filter(pk=auditor.pk).exists()
    assert AuditEvent.objects.filter(action="grant.revoke", success=False).count() == 1


def test_a_second_security_administrator_may_revoke_the_first_once(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
) -> None:
    second = _new_user("sec2")
    services.grant_role(actor=user("secadmin"), user=second, role=Role.SECURITY_ADMIN)
    first = _grant_of(user("secadmin"), Role.SECURITY_ADMIN)
    client = APIClient()
    client.force_authenticate(second)
    assert client.delete(f"{GRANTS}{first.pk}/").status_code == 204
    assert client.delete(f"{GRANTS}{first.pk}/").status_code == 404  # twice in a row
    assert list(RoleGrant.objects.filter(role=Role.SECURITY_ADMIN)
                .values_list("user__username", flat=True)) == ["sec2"]


def test_a_business_grant_is_still_revoked_as_before(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
) -> None:
    grant = _grant_of(user("finance_clerk"), Role.UNIT_CLERK)
    assert api_as("secadmin").delete(f"{GRANTS}{grant.pk}/").status_code == 204
    assert api_as("finance_secretary").delete(f"{GRANTS}{grant.pk}/").status_code == 403


def test_the_console_grants_a_role_back_and_it_is_audited(capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    RoleGrant.objects.filter(role=Role.SECURITY_ADMIN).delete()  # the state issue 10 found
    rescuer = _new_user("rescuer")
    call_command("accounts", "grant", "RESCUER", "安全管理员")
    assert _grant_of(rescuer, Role.SECURITY_ADMIN).organization is None
    out = capsys.readouterr().out
    assert "已为“rescuer”授予安全管理员" in out and "otp-enrol rescuer" in out
    event = AuditEvent.objects.get(action="grant.create", object_type="access.RoleGrant",
                                   after__user=rescuer.pk)
    assert event.user is None and event.success is True


@pytest.mark.parametrize(("args", "message"), [
    (["nobody_here", "安全管理员"], "用户“nobody_here”不存在"),
    (["member", "超级管理员"], "未知的角色"),
    (["member", "安全管理员"], "持有业务角色"),
    (["member", "党务干事", "--organization", "不存在的单位"], "组织“不存在的单位”不存在"),
])
def test_the_console_grant_refuses_bad_input_and_changes_nothing(
    args: list[str], message: str,
) -> None:
    before = RoleGrant.objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("accounts", "grant", *args)
    assert RoleGrant.objects.count() == before
