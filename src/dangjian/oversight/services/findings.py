from calendar import monthrange
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.calendar.services import add_months
from dangjian.core.permissions import can, require
from dangjian.orgs.models import Organization
from dangjian.orgs.rules import check_not_before_founding
from dangjian.people.models import Charge, Person

from ..models import Finding, NoticeStatus, Term, TermKind
from ..models.findings import FindingStatus
from ..rules import local_settings
from . import handovers
from .inspections import check_inspection_finding

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
        .exclude(status=FindingStatus.WITHDRAWN)
        .order_by("-discovered_on", "-id").first()
    )


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier, clamped to the month's end (民法典 第二百零二条)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last_day))


def finding_create(
    *, actor: User, organization: Organization, source: str, category: str, severity: str,
    description: str, discovered_on: date, regulation: str = "", risk_point: Any = None,
    self_check: Any = None, repeat_of: Finding | None = None, inspection: Any = None,
) -> Finding:
    """Register a finding; a unit may only self-report (来源“自查”) inside its own scope, a vice
    head only from his own 督导检查 on the departments he is in charge of (分管)."""
    if inspection is not None:
        check_inspection_finding(actor, inspection, organization, source, discovered_on)
    elif not can(actor, "oversight.inspect"):
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
            inspection=inspection,
            responsible_leader=leader_in_charge(organization, discovered_on),
            repeat_of=repeat_of or earlier_same_problem(organization, category_term,
                                                        discovered_on),
            raised_by=actor,
        )
        record(actor=actor, action="finding.create", target=finding, after=snapshot(finding))
        handovers.finding_raised(finding, actor)
    return finding


def snapshot(finding: Finding) -> dict[str, Any]:
    return {
        "organization": finding.organization_id, "source": finding.source.name,
        "category": finding.category.name, "severity": finding.severity.name,
        "status": finding.status, "responsible_leader": finding.responsible_leader_id,
        "repeat_of": finding.repeat_of_id, "inspection": finding.inspection_id,
    }


def finding_refresh_status(*, finding: Finding, today: date) -> None:
    """A finding follows its measures: 已销号 when all are, else the least advanced one's."""
    if finding.status == FindingStatus.WITHDRAWN:
        return
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


# What a correction may change, with the label its messages use.
CORRECTABLE = {"description": "问题描述", "category": "问题类别", "severity": "严重程度",
               "discovered_on": "发现日期", "regulation": "违反的规定"}


def require_raising_side(actor: User, finding: Finding) -> None:
    """A finding is corrected or withdrawn by the side that may raise it: the inspectors, or
    for a self-reported one (自查) also its unit's clerk or secretary."""
    if can(actor, "oversight.inspect"):
        return
    if finding.source.name != SELF_REPORT_SOURCE:
        raise PermissionDenied("只有纪检监察人员可以更正或撤销其登记的问题")
    require(actor, "oversight.rectify", finding.organization)


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError({"reason": "请写明理由"})
    return reason.strip()


def _fields(finding: Finding) -> dict[str, Any]:
    return {"description": finding.description, "category": finding.category.name,
            "severity": finding.severity.name, "discovered_on": finding.discovered_on,
            "regulation": finding.regulation}


def finding_correct(*, actor: User, finding: Finding, reason: str, **changes: Any) -> Finding:
    """Correct what was registered wrongly (description, category, severity, date, regulation):
    checked as a new finding is, with a reason; before and after go to the audit log and the
    unit is told. A closed or withdrawn finding is not corrected."""
    require_raising_side(actor, finding)
    reason = _require_reason(reason)
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValidationError(f"不能更正这些内容：{'、'.join(sorted(unknown))}")
    with transaction.atomic():
        finding = Finding.objects.select_for_update().select_related(
            "organization", "source", "category", "severity").get(pk=finding.pk)
        if finding.status in (FindingStatus.CLOSED, FindingStatus.WITHDRAWN):
            raise ValidationError(f"“{finding.status}”的问题不能更正")
        before = _fields(finding)
        changed = {k: v for k, v in changes.items() if before[k] != v}
        if not changed:
            raise ValidationError("更正内容与原记录相同，没有需要更正的内容")
        _apply(finding, changed)
        finding.save()
        after = _fields(finding)
        event = record(actor=actor, action="finding.correct", target=finding,
                       before={k: before[k] for k in changed},
                       after={**{k: after[k] for k in changed}, "reason": reason})
        handovers.finding_corrected(finding, reason, [CORRECTABLE[k] for k in changed],
                                    event.pk, actor)
    return finding


def _apply(finding: Finding, changed: dict[str, Any]) -> None:
    if "description" in changed:
        if not str(changed["description"]).strip():
            raise ValidationError({"description": "问题描述不能为空"})
        finding.description = changed["description"].strip()
    if "discovered_on" in changed:
        if changed["discovered_on"] > timezone.localdate():
            raise ValidationError({"discovered_on": "发现日期不能晚于今天"})
        check_not_before_founding(finding.organization, changed["discovered_on"],
                                  field="discovered_on", label="发现日期")
        finding.discovered_on = changed["discovered_on"]
    if "category" in changed:
        finding.category = term(TermKind.CATEGORY, changed["category"])
    if "severity" in changed:
        finding.severity = term(TermKind.SEVERITY, changed["severity"])
    if "regulation" in changed:
        finding.regulation = changed["regulation"]


def finding_withdraw(*, actor: User, finding: Finding, reason: str) -> Finding:
    """Withdraw a finding registered in error (已撤销), while no notice has been issued on it and
    no measure taken: it stays in the ledger with its reason, never deleted. A draft notice
    that named it lets it go."""
    require_raising_side(actor, finding)
    reason = _require_reason(reason)
    with transaction.atomic():
        finding = Finding.objects.select_for_update().select_related("organization").get(
            pk=finding.pk)
        if finding.status == FindingStatus.WITHDRAWN:
            raise ValidationError("该问题已撤销")
        if finding.notices.exclude(status=NoticeStatus.DRAFT).exists():
            raise ValidationError("该问题已列入签发的提示单，不能撤销，请更正")
        if finding.measures.exists():
            raise ValidationError("该问题已制定整改措施，不能撤销，请更正")
        drafts = list(finding.notices.values_list("pk", flat=True))
        finding.notices.clear()
        before = finding.status
        finding.status = FindingStatus.WITHDRAWN
        finding.save(update_fields=["status"])
        record(actor=actor, action="finding.withdraw", target=finding,
               before={"status": before},
               after={"status": finding.status, "reason": reason, "left_drafts": drafts})
        handovers.finding_withdrawn(finding, reason, actor)
    return finding
