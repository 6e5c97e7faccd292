"""议题标签: the county keeps the tags of a 党组会议's agenda as data. A tag is never deleted
(old agenda items keep it): it is renamed, reordered or deactivated, and a deactivated one is no
longer offered when a meeting is entered. Its ``key`` is fixed once added."""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.list_entries import ORDER_MAX, entry_name, entry_order
from dangjian.core.permissions import require

from ..models import AgendaTag
from ..rules import TAG_DISCIPLINE, TAG_IDEOLOGY, TAG_PARTY_REPORT

NAME_MAX = AgendaTag._meta.get_field("name").max_length or 30
KEY_MAX = AgendaTag._meta.get_field("key").max_length or 30
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")
# The tags the duty proofs read (orglife.evidence): deactivating one would leave the duties
# of 全面从严治党, 党建工作汇报 and 意识形态 unprovable from the minutes.
PROOF_KEYS = frozenset({TAG_DISCIPLINE, TAG_PARTY_REPORT, TAG_IDEOLOGY})


def _name(value: Any) -> str:
    return entry_name(value, NAME_MAX)


_order = entry_order


def _state(tag: AgendaTag) -> dict[str, Any]:
    return {"key": tag.key, "name": tag.name, "order": tag.order, "active": tag.active}


def _clash(key: str, name: str, exclude: int | None = None) -> None:
    others = AgendaTag.objects.exclude(pk=exclude) if exclude else AgendaTag.objects.all()
    if key and others.filter(key=key).exists():
        raise ValidationError({"key": f"已有标识为“{key}”的标签"})
    if others.filter(name=name).exists():
        raise ValidationError({"name": f"已有名为“{name}”的标签"})


def tag_add(*, actor: User, key: str, name: str, order: int | None = None) -> AgendaTag:
    """Add a tag (at the end, or at ``order``); a key or name already used is refused."""
    require(actor, "orglife.configure")
    key = str(key or "").strip()
    if not key:
        raise ValidationError({"key": "请填写标识"})
    if len(key) > KEY_MAX or not KEY_PATTERN.match(key):
        raise ValidationError({"key": f"标识须为小写英文字母开头、由小写字母、数字和下划线组成，"
                                      f"不超过{KEY_MAX}个字符"})
    name = _name(name)
    with transaction.atomic():
        if order is None:
            last = AgendaTag.objects.order_by("-order").first()
            order = min((last.order + 1) if last else 0, ORDER_MAX)
        order = _order(order)
        _clash(key, name)
        try:
            with transaction.atomic():  # a concurrent twin hits the unique constraints
                tag = AgendaTag.objects.create(key=key, name=name, order=order)
        except IntegrityError:
            raise ValidationError({"name": f"已有标识“{key}”或名称“{name}”的标签"}) from None
        record(actor=actor, action="agenda_tag.create", target=tag, after=_state(tag))
    return tag


def tag_update(*, actor: User, tag: AgendaTag, **changes: Any) -> AgendaTag:
    """Rename, reorder, deactivate or reactivate a tag; its key never changes. A change that
    changes nothing is refused, so a double submission leaves one event."""
    require(actor, "orglife.configure")
    if "key" in changes:
        raise ValidationError({"key": "标签的标识不能修改，只能修改名称"})
    unknown = set(changes) - {"name", "order", "active"}
    if unknown:
        raise ValidationError(f"不能修改这些内容：{'、'.join(sorted(unknown))}")
    with transaction.atomic():
        tag = AgendaTag.objects.select_for_update().get(pk=tag.pk)
        before = _state(tag)
        if "name" in changes:
            tag.name = _name(changes["name"])
            _clash("", tag.name, exclude=tag.pk)
        if "order" in changes:
            tag.order = _order(changes["order"])
        if "active" in changes:
            if not isinstance(changes["active"], bool):
                raise ValidationError({"active": "请选择启用或停用"})
            if not changes["active"] and tag.key in PROOF_KEYS:
                raise ValidationError({"active": f"“{tag.name}”用于主体责任佐证，不能停用"})
            tag.active = changes["active"]
        after = _state(tag)
        if after == before:
            raise ValidationError("没有修改任何内容")
        try:
            with transaction.atomic():
                tag.save(update_fields=["name", "order", "active"])
        except IntegrityError:
            raise ValidationError({"name": f"已有名为“{tag.name}”的标签"}) from None
        record(actor=actor, action="agenda_tag.update", target=tag, before=before, after=after)
    return tag
