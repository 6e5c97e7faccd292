from typing import Any

from django.db import transaction

from dangjian.audit.services import record

from ..models import RiskPoint
from .permissions import require_unit_entry


def risk_point_create(*, actor: Any, organization: Any, **fields: Any) -> RiskPoint:
    """A unit records its own integrity risk points (廉政风险点)."""
    require_unit_entry(actor, organization)
    with transaction.atomic():
        point = RiskPoint.objects.create(organization=organization, **fields)
        record(actor=actor, action="risk_point.create", target=point,
               after={"area": point.area.name, "level": point.level, "post": point.post})
    return point
