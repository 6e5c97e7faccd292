"""Writes about users and role grants (用户与授权), each audited in its transaction.

A refusal that matters to security (a weak password, a grant that would break 三员分立) is
audited as well, with ``success=False``, and changes nothing else.
"""

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from dangjian.audit.addresses import parse_address
from dangjian.audit.context import current_ip
from dangjian.audit.services import record
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from . import lockout, signin
from .models import RoleGrant, User
from .roles import ADMIN_ROLES, ROLE_RULES
from .rules import SEPARATION_OF_DUTIES


def _checked_password(*, actor: User, action: str, user: User, password: str) -> None:
    """Apply the password policy; a refusal is audited (without the password) and raised."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        record(actor=actor, action=action, target=user if user.pk else None, success=False,
               after={"username": user.get_username(), "refused": exc.messages})
        raise ValidationError({"password": exc.messages}) from exc


def user_create(
    *, actor: User, username: str, password: str, display_name: str = "",
    person: Person | None = None,
) -> User:
    """A new account whose initial password the owner must change at the first login."""
    username = username.strip()
    if not username:
        raise ValidationError({"username": "用户名不能为空"})
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"用户名“{username}”已存在"})
    if person is not None and User.objects.filter(person=person).exists():
        raise ValidationError({"person": f"{person.name}已有账户，一人只能对应一个账户"})
    user = User(username=username, display_name=display_name, person=person,
                must_change_password=True)
    _checked_password(actor=actor, action="user.create", user=user, password=password)
    user.set_password(password)
    try:
        with transaction.atomic():
            user.save()
            record(actor=actor, action="user.create", target=user,
                   after={"username": username, "person": person.pk if person else None})
    except IntegrityError as exc:  # a concurrent create with the same name
        raise ValidationError({"username": f"用户名“{username}”已存在"}) from exc
    return user


def _refuse_old_password(*, user: User, reason: str, message: str) -> ValidationError:
    record(actor=user, action="password.change", target=user, success=False,
           after={"refused": [reason]})
    return ValidationError({"old_password": ValidationError(message, code=reason)})


def password_change(*, user: User, old_password: str, new_password: str) -> None:
    """The owner replaces their password: checks the old one and the policy, clears the
    must-change flag and restarts the rotation clock (User.set_password); the new password
    revokes the account's API tokens (User.save).

    A wrong old password counts towards the login lockout like a wrong password at the login
    (else this page would be an oracle for guessing it), and a locked name is refused here too;
    such a refusal has the code ``locked``.
    """
    ip = current_ip.get()
    until = lockout.locked_until(user.get_username(), ip)
    if until is not None:
        raise _refuse_old_password(user=user, reason="locked",
                                   message=signin.locked_message(until))
    if not user.check_password(old_password):
        until = signin.count_failure(user.get_username(), ip=ip)
        if until is not None:
            raise _refuse_old_password(user=user, reason="locked",
                                       message=signin.locked_message(until))
        raise _refuse_old_password(user=user, reason="原密码不正确", message="原密码不正确")
    if new_password == old_password:
        record(actor=user, action="password.change", target=user, success=False,
               after={"refused": ["新密码不能与原密码相同"]})
        raise ValidationError({"password": "新密码不能与原密码相同"})
    _checked_password(actor=user, action="password.change", user=user, password=new_password)
    with transaction.atomic():
        user.set_password(new_password)
        user.must_change_password = False
        user.save(update_fields=["password", "password_changed_at", "must_change_password"])
        record(actor=user, action="password.change", target=user)


def _separation_refusal(*, actor: User | None, user: User, role: str) -> str | None:
    """Why granting ``role`` to ``user`` would break 三员分立, if it would."""
    if actor is not None and actor.pk == user.pk:
        return "不能给自己授予角色：授权须由安全管理员为他人办理"
    held = set(user.grants.values_list("role", flat=True))
    if role in ADMIN_ROLES:
        if held - ADMIN_ROLES:
            business = "、".join(sorted(held - ADMIN_ROLES))
            return f"该用户持有业务角色（{business}），不能兼任{role}"
        if held - {role}:
            return f"三员须由不同人员担任：该用户已是{'、'.join(sorted(held))}"
    elif held & ADMIN_ROLES:
        return f"{'、'.join(sorted(held & ADMIN_ROLES))}不能持有业务角色（{role}）"
    return None


def grant_role(
    *, actor: User | None, user: User, role: str, organization: Organization | None = None
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
    refusal = _separation_refusal(actor=actor, user=user, role=role)
    if refusal is not None:
        record(actor=actor, action="grant.create", target=user, success=False,
               after={"user": user.pk, "role": role, "refused": refusal,
                      "rule": SEPARATION_OF_DUTIES.citation})
        raise ValidationError({"role": f"{refusal}（{SEPARATION_OF_DUTIES.citation}）"})
    with transaction.atomic():
        try:
            with transaction.atomic():  # a concurrent twin hits the unique constraints
                grant = RoleGrant.objects.create(user=user, role=role, organization=organization)
        except IntegrityError:
            raise ValidationError({"role": "该用户已拥有此授权"}) from None
        record(actor=actor, action="grant.create", target=grant,
               after={"user": user.pk, "role": role,
                      "organization": organization.pk if organization else None})
    return grant


def _revoke_refusal(*, actor: User, grant: RoleGrant) -> str | None:
    """Why revoking ``grant`` would leave a 三员 duty without anyone to perform it."""
    if grant.role not in ADMIN_ROLES:
        return None
    if getattr(actor, "pk", None) is not None and actor.pk == grant.user_id:
        return f"不能撤销自己的{grant.role}授权：须由另一位安全管理员办理"
    # Every grant of the role locked (this one too, in one order), so that two administrators
    # revoking each other's grants at once cannot both succeed.
    locked = list(RoleGrant.objects.select_for_update().filter(role=grant.role)
                  .order_by("pk").values_list("pk", flat=True))
    holders = RoleGrant.objects.filter(pk__in=locked, user__is_active=True).exclude(pk=grant.pk)
    if not holders.exists():
        return (f"这是最后一个有效的{grant.role}授权，撤销后将无人能履行该职责："
                f"请先为他人授予{grant.role}")
    return None


def revoke_role(*, actor: User, grant: RoleGrant) -> None:
    """Remove a grant; never one's own 三员 grant, nor the last active grant of a 三员 role."""
    before = {"user": grant.user_id, "role": grant.role, "organization": grant.organization_id}
    with transaction.atomic():
        refusal = _revoke_refusal(actor=actor, grant=grant)
        if refusal is None:
            record(actor=actor, action="grant.revoke", target=grant, before=before)
            grant.delete()
            return
    record(actor=actor, action="grant.revoke", target=grant, success=False,
           before=before, after={"refused": refusal, "rule": SEPARATION_OF_DUTIES.citation})
    raise ValidationError({"role": f"{refusal}（{SEPARATION_OF_DUTIES.citation}）"})


def idle_accounts(*, now: datetime | None = None) -> Any:
    """Active accounts without a login (or, never used, created) for the idle period."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.DANGJIAN_ACCOUNT_IDLE_DAYS)
    # Demo accounts are refused in production anyway; a long-running demo must stay usable.
    return User.objects.filter(is_active=True, is_demo=False).filter(
        Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff)
    ).order_by("username")


def disable_idle_accounts(
    *, actor: User | None = None, now: datetime | None = None
) -> list[User]:
    """Disable idle accounts (等保 访问控制 c), one audited event each; the daily job."""
    disabled = []
    for user in idle_accounts(now=now):
        with transaction.atomic():
            user.is_active = False
            user.save(update_fields=["is_active"])
            record(actor=actor, action="user.disable_idle", target=user,
                   before={"is_active": True, "last_login": user.last_login},
                   after={"is_active": False,
                          "idle_days": settings.DANGJIAN_ACCOUNT_IDLE_DAYS})
        disabled.append(user)
    return disabled


def unlock(*, actor: User | None, username: str, ip: str | None = None) -> int:
    """Lift a login lock before it runs out (安全管理员, after checking who asked): a user name
    from every address, a user name from ``ip``, or (no name) the address ``ip`` as a whole.
    Answers how many failures were forgotten; audited even when there were none."""
    username = lockout.key(username or "")
    address = None
    if ip not in (None, ""):
        parsed = parse_address(ip)
        if parsed is None:
            raise ValidationError({"ip": f"“{ip}”不是有效的IP地址"})
        address = str(parsed)
    if not username and address is None:
        raise ValidationError({"username": "请指定要解锁的用户名或来源地址"})
    with transaction.atomic():
        cleared = lockout.clear(username, ip=address, every_address=address is None)
        record(actor=actor, action="login.unlock",
               after={"username": username, "ip": address, "failures_cleared": cleared})
    return cleared


def unlock_message(cleared: int) -> str:
    if cleared == 0:
        return "没有找到相应的登录失败记录，无需解锁"
    return f"已解除登录锁定（清除 {cleared} 次失败记录）"
