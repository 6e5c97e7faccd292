"""廉政风险点: a unit records and keeps its own integrity risk points."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require

from ..models import RiskPoint
from ..models.risks import RiskLevel

# What an edit may change, with the label its messages use.
EDITABLE = {"post": "岗位", "area": "风险领域", "risk": "风险描述", "level": "风险等级",
            "controls": "防控措施", "owner": "责任人", "review_on": "复核日期"}


def _check(fields: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    for name in ("risk", "controls"):
        if name in fields and not str(fields[name] or "").strip():
            errors[name] = f"请填写{EDITABLE[name]}"
    if "level" in fields and fields["level"] not in RiskLevel.values:
        errors["level"] = "风险等级只能是高、中、低"
    if "post" in fields and len(fields["post"] or "") > 50:
        errors["post"] = "岗位不能超过50个字"
    if "review_on" in fields and not isinstance(fields["review_on"], date):
        errors["review_on"] = "请填写复核日期"
    if errors:
        raise ValidationError(errors)


def _state(point: RiskPoint) -> dict[str, Any]:
    return {"post": point.post, "area": point.area.name, "risk": point.risk,
            "level": point.level, "controls": point.controls, "owner": point.owner_id,
            "review_on": point.review_on}


def risk_point_create(*, actor: User, organization: Any, **fields: Any) -> RiskPoint:
    """A unit records its own integrity risk points (廉政风险点)."""
    require(actor, "oversight.rectify", organization)
    _check(fields)
    with transaction.atomic():
        point = RiskPoint.objects.create(organization=organization, **fields)
        record(actor=actor, action="risk_point.create", target=point,
               after={"area": point.area.name, "level": point.level, "post": point.post})
    return point


def risk_point_update(*, actor: User, point: RiskPoint, **changes: Any) -> RiskPoint:
    """Edit a risk point (its post, area, risk, level, controls, owner, review date): by the
    unit's clerk or secretary, before and after kept in the audit log. An edit that changes
    nothing is refused, so a double submission leaves one event."""
    require(actor, "oversight.rectify", point.organization)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"不能修改这些内容：{'、'.join(sorted(unknown))}")
    _check(changes)
    with transaction.atomic():
        point = RiskPoint.objects.select_for_update().select_related("area").get(pk=point.pk)
        before = _state(point)
        for name, value in changes.items():
            setattr(point, name, value)
        after = _state(point)
        changed = {name: after[name] for name in after if after[name] != before[name]}
        if not changed:
            raise ValidationError("没有修改任何内容")
        point.save(update_fields=[*changes])
        record(actor=actor, action="risk_point.update", target=point,
               before={name: before[name] for name in changed}, after=changed)
    return point
