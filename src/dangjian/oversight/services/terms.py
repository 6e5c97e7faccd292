"""可配置选项: the county keeps its lists (问题来源、类别、严重程度、风险领域) as data. An entry
is never deleted (old findings and risk points keep naming it): it is renamed, reordered or
deactivated, and a deactivated one is no longer offered by forms and pickers."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.list_entries import ORDER_MAX, entry_name, entry_order
from dangjian.core.permissions import require

from ..models import Term, TermKind

NAME_MAX = Term._meta.get_field("name").max_length or 40

# 问题来源 the platform writes itself (a 督导检查's findings, a 民主生活会's 整改清单, a
# 举一反三 self-check's own problems): looked up by name, so they are neither renamed nor
# deactivated, or those steps would be refused.
INSPECTION_SOURCE = "督导检查"
LIFE_MEETING_SOURCE = "民主生活会查摆"
SELF_CHECK_SOURCE = "自查"
PLATFORM_SOURCES = frozenset({INSPECTION_SOURCE, LIFE_MEETING_SOURCE, SELF_CHECK_SOURCE})


def _name(value: Any) -> str:
    return entry_name(value, NAME_MAX)


_order = entry_order


def _taken(kind: str, name: str, exclude: int | None = None) -> None:
    others = Term.objects.filter(kind=kind, name=name)
    if (others.exclude(pk=exclude) if exclude else others).exists():
        raise ValidationError({"name": f"“{TermKind(kind).label}”中已有“{name}”"})


def _state(term: Term) -> dict[str, Any]:
    return {"kind": term.kind, "name": term.name, "order": term.order, "active": term.active}


def term_add(*, actor: User, kind: str, name: str, order: int | None = None) -> Term:
    """Add an entry at the end of its list (or at ``order``); the same name twice is refused."""
    require(actor, "oversight.configure")
    if kind not in TermKind.values:
        raise ValidationError({"kind": "没有这个列表"})
    name = _name(name)
    with transaction.atomic():
        if order is None:
            last = Term.objects.filter(kind=kind).order_by("-order").first()
            order = min((last.order + 1) if last else 0, ORDER_MAX)
        order = _order(order)
        _taken(kind, name)
        try:
            with transaction.atomic():  # a concurrent twin hits the unique constraint
                term = Term.objects.create(kind=kind, name=name, order=order)
        except IntegrityError:
            raise ValidationError({"name": f"“{TermKind(kind).label}”中已有“{name}”"}) from None
        record(actor=actor, action="term.create", target=term, after=_state(term))
    return term


def term_update(*, actor: User, term: Term, **changes: Any) -> Term:
    """Rename, reorder, deactivate or reactivate an entry (its list never changes). A change
    that changes nothing is refused, so a double submission leaves one event; the last active
    entry of a list stays, or its forms would offer nothing."""
    require(actor, "oversight.configure")
    unknown = set(changes) - {"name", "order", "active"}
    if unknown:
        raise ValidationError(f"不能修改这些内容：{'、'.join(sorted(unknown))}")
    with transaction.atomic():
        # the whole list, locked: two concurrent deactivations cannot empty it
        locked = {t.pk: t for t in Term.objects.select_for_update().filter(kind=term.kind)
                  .order_by("pk")}
        term = locked[term.pk]
        before = _state(term)
        if term.kind == TermKind.SOURCE and term.name in PLATFORM_SOURCES and (
                changes.get("name", term.name) != term.name or changes.get("active") is False):
            raise ValidationError({"name": f"“{term.name}”是平台自动登记问题时使用的来源，"
                                           "不能改名或停用"})
        if "name" in changes:
            term.name = _name(changes["name"])
            _taken(term.kind, term.name, exclude=term.pk)
        if "order" in changes:
            term.order = _order(changes["order"])
        if "active" in changes:
            if not isinstance(changes["active"], bool):
                raise ValidationError({"active": "请选择启用或停用"})
            term.active = changes["active"]
            if not term.active and before["active"] and not Term.objects.filter(
                    kind=term.kind, active=True).exclude(pk=term.pk).exists():
                raise ValidationError(
                    {"active": f"“{term.get_kind_display()}”至少保留一个启用的选项"})
        after = _state(term)
        if after == before:
            raise ValidationError("没有修改任何内容")
        try:
            with transaction.atomic():
                term.save(update_fields=["name", "order", "active"])
        except IntegrityError:
            raise ValidationError({"name": f"“{term.get_kind_display()}”中已有“{term.name}”"}) \
                from None
        record(actor=actor, action="term.update", target=term, before=before, after=after)
    return term
