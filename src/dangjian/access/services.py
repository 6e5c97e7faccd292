"""Writes about users and role grants (用户与授权), each audited in its transaction."""

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dangjian.audit.services import record
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .models import RoleGrant, User
from .roles import ROLE_RULES


def user_create(
    *, actor: Any, username: str, password: str, display_name: str = "",
    person: Person | None = None,
) -> User:
    username = username.strip()
    if not username:
        raise ValidationError({"username": "用户名不能为空"})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"用户名“{username}”已存在"})
    user = User(username=username, display_name=display_name, person=person)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from exc
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
            record(actor=actor, action="user.create", target=user,
                   after={"username": username, "person": person.pk if person else None})
    except IntegrityError as exc:  # a concurrent create with the same name
        raise ValidationError({"username": f"用户名“{username}”已存在"}) from exc
    return user


def grant_role(
    *, actor: Any, user: User, role: str, organization: Organization | None = None
) -> RoleGrant:
    rule = ROLE_RULES.get(role)
    if rule is None:
        raise ValidationError({"role": f"未知的角色：{role}"})
    if rule.needs_organization and organization is None:
        raise ValidationError({"organization": f"角色“{role}”必须指定范围组织"})
    if not rule.needs_organization:
        organization = None
    if RoleGrant.objects.filter(user=user, role=role, organization=organization).exists():
        raise ValidationError({"role": "该用户已拥有此授权"})
    with transaction.atomic():
        grant = RoleGrant.objects.create(user=user, role=role, organization=organization)
        record(actor=actor, action="grant.create", target=grant,
               after={"user": user.pk, "role": role,
                      "organization": organization.pk if organization else None})
    return grant


def revoke_role(*, actor: Any, grant: RoleGrant) -> None:
    with transaction.atomic():
        record(actor=actor, action="grant.revoke", target=grant,
               before={"user": grant.user_id, "role": grant.role,
                       "organization": grant.organization_id})
        grant.delete()
