"""Visits (走访慰问) to veteran, needy and sick members."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.people.models import PartyStatus, Person

from ..models import Visit, VisitCampaign, VisitKind
from .common import require_past

MEMBER_STATUSES = frozenset({PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY})


def visit_create(
    *, actor: User, person: Person, kind: str, campaign: str, date: date,
    visitors: list[Person], other_visitors: str = "", gifts: str = "",
    amount: Decimal | None = None, follow_up: str = "",
) -> Visit:
    """Record a visit; visitors outside the unit (e.g. county leaders) go in ``other_visitors``."""
    require(actor, "members.enter", person.organization)
    if person.party_status not in MEMBER_STATUSES:
        raise ValidationError({"person": f"{person.name}不是党员，走访慰问的对象应为党员"})
    if kind not in VisitKind.values:
        raise ValidationError({"kind": f"未知的对象类别：{kind}"})
    if campaign not in VisitCampaign.values:
        raise ValidationError({"campaign": f"未知的慰问活动：{campaign}"})
    require_past(date, "date", "走访日期")
    if not visitors and not other_visitors.strip():
        raise ValidationError({"visitors": "请填写走访人员"})
    if amount is not None and amount < 0:
        raise ValidationError({"amount": "慰问金额不能为负数"})
    with transaction.atomic():
        visit = Visit.objects.create(
            person=person, organization=person.organization, kind=kind, campaign=campaign,
            date=date, other_visitors=other_visitors.strip(), gifts=gifts.strip(),
            amount=amount, follow_up=follow_up.strip(), recorded_by=actor)
        visit.visitors.set(visitors)
        record(actor=actor, action="visit.create", target=visit, after={
            "person": person.pk, "kind": kind, "campaign": campaign, "date": date,
            "visitors": [v.pk for v in visitors], "other_visitors": visit.other_visitors,
            "gifts": visit.gifts, "amount": str(amount) if amount is not None else None})
    return visit
