"""公开目录: an organisation's items for a year and a domain, kept by its clerk or secretary:
added, edited, and deactivated (停用) when no longer disclosed; never deleted, since
disclosures point at them."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization

from ..models import Audience, Cadence, CatalogueItem, Channel, Domain

FIELDS = {"year": "年度", "domain": "类别", "content": "公开内容", "audience": "公开范围",
          "cadence": "公开时限", "working_days": "事项形成后工作日数", "channel": "公开方式",
          "basis": "公开依据", "responsible": "责任人", "inside_first": "须先党内公开"}
CHOICES = {"domain": Domain, "audience": Audience, "cadence": Cadence, "channel": Channel}


def _check(fields: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    for name, choices in CHOICES.items():
        if name in fields and fields[name] not in choices.values:
            errors[name] = f"{FIELDS[name]}只能是：{'、'.join(choices.values)}"
    if "content" in fields and not str(fields["content"] or "").strip():
        errors["content"] = "请填写公开内容"
    if "year" in fields and not (2000 <= int(fields["year"] or 0) <= 2100):
        errors["year"] = "年度应在2000至2100之间"
    days = fields.get("working_days")
    if fields.get("inside_first") and fields.get("domain", Domain.PARTY) != Domain.PARTY:
        errors["inside_first"] = "只有党务公开事项可以标明须先党内公开"
    if fields.get("cadence") == Cadence.AFTER_MATTER and not days:
        errors["working_days"] = "事项形成后公开的，请填写工作日数"
    if days is not None and not (1 <= days <= 60):
        errors["working_days"] = "工作日数应在1至60之间"
    if errors:
        raise ValidationError(errors)


def item_create(*, actor: User, organization: Organization, **fields: Any) -> CatalogueItem:
    """Add a line to the unit's 公开目录."""
    require(actor, "openness.draft", organization)
    _unknown(fields)
    _check(fields)
    if fields.get("cadence") != Cadence.AFTER_MATTER:
        fields["working_days"] = None
    with transaction.atomic():
        item = CatalogueItem.objects.create(organization=organization, created_by=actor,
                                            **fields)
        record(actor=actor, action="catalogue_item.create", target=item,
               after={"year": item.year, "domain": item.domain, "content": item.content,
                      "audience": item.audience, "cadence": item.cadence})
    return item


def _unknown(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValidationError(f"不能填写这些内容：{'、'.join(sorted(unknown))}")


def item_update(*, actor: User, item: CatalogueItem, **changes: Any) -> CatalogueItem:
    """Edit a line of the 公开目录 (an active one); the disclosures already made keep their
    due dates."""
    require(actor, "openness.draft", item.organization)
    _unknown(changes)
    with transaction.atomic():
        item = CatalogueItem.objects.select_for_update().get(pk=item.pk)
        if not item.active:
            raise ValidationError("该目录事项已停用，不能修改")
        before = {name: getattr(item, name) for name in changes}
        merged = {name: getattr(item, name) for name in FIELDS} | changes
        _check(merged)
        if merged["cadence"] != Cadence.AFTER_MATTER:
            changes["working_days"] = None
        for name, value in changes.items():
            setattr(item, name, value)
        item.save()
        record(actor=actor, action="catalogue_item.update", target=item,
               before={k: str(v) for k, v in before.items()},
               after={k: str(getattr(item, k)) for k in changes})
    return item


def item_deactivate(*, actor: User, item: CatalogueItem) -> CatalogueItem:
    """停用 a line no longer disclosed: it stays, with its disclosures, but takes no new ones and
    leaves the coverage figure."""
    require(actor, "openness.draft", item.organization)
    with transaction.atomic():
        item = CatalogueItem.objects.select_for_update().get(pk=item.pk)
        if not item.active:
            raise ValidationError("该目录事项已经停用")
        item.active = False
        item.save(update_fields=["active"])
        record(actor=actor, action="catalogue_item.deactivate", target=item,
               before={"active": True}, after={"active": False})
    return item
