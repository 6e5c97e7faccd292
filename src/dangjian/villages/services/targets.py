"""The county's yearly targets (清零递增, the share at or above a threshold)."""

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind

from ..models import Growth, Measure, Target
from .incomes import AMOUNT_MAX, YEAR_MIN

FIELDS = ("measure", "threshold", "target_share", "shell_line", "growth")


def _check(values: dict[str, Any]) -> None:
    errors = {}
    if values["measure"] not in Measure.values:
        errors["measure"] = "口径应为 total（总收入）或 operating（经营性收入）"
    if values["growth"] not in Growth.values:
        errors["growth"] = "递增口径应为 each（每个村）或 county（全县合计）"
    if not Decimal("0") <= values["threshold"] <= AMOUNT_MAX:
        errors["threshold"] = f"达标线应在0至{AMOUNT_MAX}万元之间"
    if not Decimal("0") <= values["target_share"] <= Decimal("100"):
        errors["target_share"] = "目标比例应在0至100之间"
    if not -AMOUNT_MAX <= values["shell_line"] <= AMOUNT_MAX:
        errors["shell_line"] = "空壳村线超出范围"
    if errors:
        raise ValidationError(errors)


def target_save(*, actor: User, organization: Organization, year: int,
                threshold: Decimal, measure: str = Measure.TOTAL,
                target_share: Decimal = Decimal("40"), shell_line: Decimal = Decimal("0"),
                growth: str = Growth.EACH) -> Target:
    """Set (or change) the county's target of ``year``."""
    require(actor, "villages.configure", organization)
    if organization.kind != OrgKind.COUNTY_COMMITTEE:
        raise ValidationError({"organization": "目标由县（县委）设置"})
    if year < YEAR_MIN or year > 2100:
        raise ValidationError({"year": "年度超出范围"})
    values = {"measure": measure, "threshold": threshold, "target_share": target_share,
              "shell_line": shell_line, "growth": growth}
    _check(values)
    with transaction.atomic():
        target, created = Target.objects.select_for_update().get_or_create(
            organization=organization, year=year, defaults={**values, "created_by": actor})
        before = None if created else {k: str(getattr(target, k)) for k in FIELDS}
        if not created:
            for name, value in values.items():
                setattr(target, name, value)
            target.save()
        record(actor=actor, action="village_target.save", target=target, before=before,
               after={"year": year, **{k: str(v) for k, v in values.items()}})
    return target
