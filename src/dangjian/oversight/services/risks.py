from typing import Any

from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require

from ..models import RiskPoint


def risk_point_create(*, actor: User, organization: Any, **fields: Any) -> RiskPoint:
    """A unit records its own integrity risk points (廉政风险点)."""
    require(actor, "oversight.rectify", organization)
    with transaction.atomic():
        point = RiskPoint.objects.create(organization=organization, **fields)
        record(actor=actor, action="risk_point.create", target=point,
               after={"area": point.area.name, "level": point.level, "post": point.post})
    return point
