from calendar import monthrange
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangjian.audit.services import record
from dangjian.calendar.services import add_months
from dangjian.core.permissions import can, require
from dangjian.orgs.models import Organization
from dangjian.orgs.rules import check_not_before_founding
from dangjian.people.models import Charge, Person

from ..models import Finding, Term, TermKind
from ..models.findings import FindingStatus
from ..rules import local_settings

SELF_REPORT_SOURCE = "自查"


def term(kind: str, name: str) -> Term:
    """An active entry of a configurable list, by its Chinese name."""
    found = Term.objects.filter(kind=kind, name=name, active=True).first()
    if found is None:
        label = TermKind(kind).label
        raise ValidationError({kind: f"{label}“{name}”不在可选列表中"})
    return found


def leader_in_charge(organization: Organization, on: date | None = None) -> Person | None:
    """The 分管领导 of the department above ``organization``, the nearest one if several."""
    charges = Charge.objects.current(on).filter(
        organization__path__in=organization.ancestor_paths()
    ).select_related("leader").order_by("-organization__depth")
    charge = charges.first()
    return charge.leader if charge else None


def earlier_same_problem(organization: Organization, category: Term, on: date) -> Finding | None:
    """屡查屡犯: the latest finding of the same unit and category within the window."""
    start = months_before(on, local_settings().repeat_window_months)
    return (
        Finding.objects.filter(organization=organization, category=category,
                               discovered_on__gte=start, discovered_on__lte=on)
        .order_by("-discovered_on", "-id").first()
    )


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, clamped to the month's end (民法典 第二百零二条)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last_day))


def finding_create(
    *, actor: Any, organization: Organization, source: str, category: str, severity: str,
    description: str, discovered_on: date, regulation: str = "", risk_point: Any = None,
    self_check: Any = None,
) -> Finding:
    """Register a finding; a unit may only self-report (来源“自查”) inside its own scope."""
    if not can(actor, "oversight.inspect"):
        if source != SELF_REPORT_SOURCE:
            raise ValidationError({"source": "本单位只能登记来源为“自查”的问题"})
        require(actor, "oversight.rectify", organization)
    if not description.strip():
        raise ValidationError({"description": "问题描述不能为空"})
    if discovered_on > timezone.localdate():
        raise ValidationError({"discovered_on": "发现日期不能晚于今天"})
    check_not_before_founding(organization, discovered_on, field="discovered_on",
                              label="发现日期")
    category_term = term(TermKind.CATEGORY, category)
    with transaction.atomic():
        finding = Finding.objects.create(
            organization=organization, source=term(TermKind.SOURCE, source),
            category=category_term, severity=term(TermKind.SEVERITY, severity),
            description=description.strip(), discovered_on=discovered_on,
            regulation=regulation, risk_point=risk_point, self_check=self_check,
            responsible_leader=leader_in_charge(organization, discovered_on),
            repeat_of=earlier_same_problem(organization, category_term, discovered_on),
            raised_by=actor,
        )
        record(actor=actor, action="finding.create", target=finding, after=snapshot(finding))
    return finding


def snapshot(finding: Finding) -> dict[str, Any]:
    return {
        "organization": finding.organization_id, "source": finding.source.name,
        "category": finding.category.name, "severity": finding.severity.name,
        "status": finding.status, "responsible_leader": finding.responsible_leader_id,
        "repeat_of": finding.repeat_of_id,
    }


def finding_refresh_status(*, finding: Finding, today: date) -> None:
    """A finding follows its measures: 已销号 when all are, else the least advanced one's."""
    statuses = set(finding.measures.values_list("status", flat=True))
    order = [FindingStatus.OPEN, FindingStatus.RECTIFYING, FindingStatus.AWAITING_CHECK,
             FindingStatus.CLOSED]
    new = min(statuses, key=lambda s: order.index(FindingStatus(s))) if statuses \
        else FindingStatus.OPEN
    if new == finding.status:
        return
    finding.status = new
    if new == FindingStatus.CLOSED:
        finding.closed_on = today
        finding.recheck_on = add_months(start=today, n=local_settings().recheck_after_months).due
    else:
        finding.closed_on = finding.recheck_on = None
    finding.save(update_fields=["status", "closed_on", "recheck_on"])
