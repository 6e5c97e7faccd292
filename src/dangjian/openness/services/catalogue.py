"""公开目录: an organisation's items for a year and a domain, kept by its clerk or secretary."""

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
          "basis": "公开依据", "responsible": "责任人"}
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
    if fields.get("cadence") == Cadence.AFTER_MATTER and not days:
        errors["working_days"] = "事项形成后公开的，请填写工作日数"
    if days is not None and not (1 <= days <= 60):
        errors["working_days"] = "工作日数应在1至60之间"
    if errors:
        raise ValidationError(errors)


def item_create(*, actor: User, organization: Organization, **fields: Any) -> CatalogueItem:
    """Add a line to the unit's 公开目录."""
    require(actor, "openness.draft", organization)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValidationError(f"不能填写这些内容：{'、'.join(sorted(unknown))}")
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
