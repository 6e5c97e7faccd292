"""Writes to the organisation tree. Each validates, changes and audits in one transaction."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from treebeard.exceptions import InvalidMoveToDescendant

from dangjian.audit.services import record

from .models import Organization, OrgKind


def _snapshot(org: Organization) -> dict[str, Any]:
    return {"name": org.name, "kind": org.kind, "parent": org.parent_id, "path": org.path}


def organization_create(
    *, actor: Any, name: str, kind: str, parent: Organization | None = None, code: str = "",
    founded_on: date | None = None,
) -> Organization:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "组织名称不能为空"})
    if kind not in OrgKind.values:
        raise ValidationError({"kind": f"未知的组织类型：{kind}"})
    if founded_on is not None and founded_on > timezone.localdate():
        raise ValidationError({"founded_on": "成立日期不能晚于今天"})
    with transaction.atomic():
        fields = {"name": name, "kind": kind, "code": code, "parent": parent,
                  "founded_on": founded_on}
        if parent is None:
            org = Organization.objects.add_root(fields)
        else:
            org = Organization.objects.add_child(Organization.objects.get(pk=parent.pk), fields)
        record(actor=actor, action="organization.create", target=org, after=_snapshot(org))
    return org


def organization_move(*, actor: Any, org: Organization, new_parent: Organization) -> Organization:
    """Move ``org`` (with its subtree) under ``new_parent``; refuses cycles."""
    if new_parent.pk == org.pk or new_parent.path.startswith(org.path):
        raise ValidationError({"parent": "不能把组织移到它自己或它的下级组织之下"})
    with transaction.atomic():
        org = Organization.objects.select_for_update().get(pk=org.pk)
        before = _snapshot(org)
        try:
            target = Organization.objects.get(pk=new_parent.pk)
            Organization.objects.move(org, target, "last-child")
        except InvalidMoveToDescendant as exc:  # a concurrent move raced our check
            raise ValidationError({"parent": "不能把组织移到它自己或它的下级组织之下"}) from exc
        org.refresh_from_db()
        org.parent = new_parent
        org.save(update_fields=["parent"])
        record(actor=actor, action="organization.move", target=org,
               before=before, after=_snapshot(org))
    return org


def organization_rename(*, actor: Any, org: Organization, name: str) -> Organization:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "组织名称不能为空"})
    with transaction.atomic():
        before = _snapshot(org)
        org.name = name
        org.save(update_fields=["name"])
        record(actor=actor, action="organization.rename", target=org,
               before=before, after=_snapshot(org))
    return org


def organization_change(*, actor: Any, org: Organization, name: str | None = None,
                        new_parent: Organization | None = None) -> Organization:
    """Rename and/or move ``org`` in one transaction: both happen or neither. A name or a
    parent equal to the recorded one is no change (nothing written, nothing audited)."""
    if name is not None and not name.strip():
        raise ValidationError({"name": "组织名称不能为空"})
    with transaction.atomic():
        if new_parent is not None and new_parent.pk != org.parent_id:
            org = organization_move(actor=actor, org=org, new_parent=new_parent)
        if name is not None and name.strip() != org.name:
            org = organization_rename(actor=actor, org=org, name=name)
    return org


def organization_delete(*, actor: Any, org: Organization) -> None:
    """Delete an empty organisation; one with children or members is refused."""
    org.refresh_from_db()
    if org.children.exists():
        raise ValidationError("该组织还有下级组织，不能删除")
    try:
        with transaction.atomic():
            record(actor=actor, action="organization.delete", target=org, before=_snapshot(org))
            org.delete()
    except ProtectedError as exc:
        raise ValidationError("该组织还有成员或关联记录，不能删除") from exc
