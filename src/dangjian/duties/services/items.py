"""Editing a list: local items added, template items adjusted or switched off."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require

from ..kinds import Period
from ..models import ResponsibilityItem, ResponsibilityList

EDITABLE = {"text", "period", "times", "evidence_hint", "active", "category"}


def _check(period: str, times: int) -> None:
    if period not in Period.values:
        raise ValidationError({"period": "频次只能是每年、每半年、每季度、每月或随时"})
    if period != Period.ONGOING and not 1 <= times <= 50:
        raise ValidationError({"times": "每期次数应在1至50之间"})


def item_add(
    *, actor: User, rlist: ResponsibilityList, text: str, category: str = "本单位细化",
    period: str = Period.YEAR, times: int = 1, evidence_hint: str = "", citation: str = "",
) -> ResponsibilityItem:
    """A local item (本单位细化): the template is the floor, not the ceiling."""
    require(actor, "duties.keep_list", rlist)
    if not text.strip():
        raise ValidationError({"text": "责任内容不能为空"})
    _check(period, times)
    with transaction.atomic():
        last = rlist.items.aggregate(n=Max("order"))["n"] or 0
        item = ResponsibilityItem.objects.create(
            list=rlist, category=(category or "本单位细化").strip()[:20], text=text.strip(),
            citation=citation.strip()[:200], period=period,
            times=0 if period == Period.ONGOING else times,
            evidence_hint=evidence_hint.strip()[:200], order=last + 1)
        record(actor=actor, action="duties.item_add", target=item,
               after={"list": rlist.pk, "text": item.text, "period": period, "times": times})
    return item


def item_update(*, actor: User, item: ResponsibilityItem, **changes: Any) -> ResponsibilityItem:
    """Wording, cadence and count are the county's to adjust; the citation stays the rule's."""
    require(actor, "duties.keep_list", item.list)
    if set(changes) - EDITABLE:
        raise ValidationError("只能修改责任内容、类别、频次、次数、佐证材料和启用状态")
    if "text" in changes and not str(changes["text"]).strip():
        raise ValidationError({"text": "责任内容不能为空"})
    _check(changes.get("period", item.period), int(changes.get("times", item.times) or 0))
    with transaction.atomic():
        before = {k: getattr(item, k) for k in changes}
        for name, value in changes.items():
            setattr(item, name, value.strip() if isinstance(value, str) else value)
        item.save()
        record(actor=actor, action="duties.item_update", target=item, before=before,
               after=changes)
    return item
