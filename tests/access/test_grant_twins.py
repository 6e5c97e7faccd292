"""Two 安全管理员 granting the same role at the same moment: both pass the "already granted"
check before either writes, and the second write must be refused in Chinese, not answered with
a database error, for a grant with an organisation and for one without (the 三员, whose NULL
organisation the plain unique constraint does not cover)."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from dangjian.access import services
from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", [Role.AUDIT_ADMIN, Role.UNIT_CLERK])
def test_the_twin_of_a_grant_written_meanwhile_is_refused(
        monkeypatch: pytest.MonkeyPatch, role: str, user: Any) -> None:
    security = user("secadmin")
    target = User.objects.create_user(username="grant_twin")
    organization = Organization.objects.get(name="县财政局党组") if role == Role.UNIT_CLERK \
        else None
    real_refusal = services._separation_refusal

    def twin_written_meanwhile(**kwargs: Any) -> Any:
        # the other request's grant lands after this one's check, before its write
        RoleGrant.objects.create(user=target, role=role, organization=organization)
        return real_refusal(**kwargs)

    monkeypatch.setattr(services, "_separation_refusal", twin_written_meanwhile)
    with pytest.raises(ValidationError) as refused:
        services.grant_role(actor=security, user=target, role=role, organization=organization)
    assert refused.value.message_dict == {"role": ["该用户已拥有此授权"]}
    assert RoleGrant.objects.filter(user=target, role=role).count() == 1
