"""Reads for the oversight pages and exports, always through access.scoping."""

from collections import Counter
from typing import Any

from django.db.models import Min, Q, QuerySet

from dangjian.access.scoping import restrict

from .models import (
    Accountability,
    Campaign,
    Finding,
    Inspection,
    Measure,
    MeasureStatus,
    Notice,
    NoticeAction,
    RiskPoint,
    SelfCheck,
)
from .models.findings import FindingStatus
from .services.lights import LightCutoffs


def findings_for(user: Any) -> QuerySet[Finding]:
    open_due = Min("measures__due_on", filter=~Q(measures__status=MeasureStatus.CLOSED))
    return restrict(Finding.objects.all(), user).select_related(
        "organization", "source", "category", "severity", "responsible_leader"
    ).annotate(earliest_open_due=open_due)


def measures_for(user: Any) -> QuerySet[Measure]:
    return restrict(Measure.objects.all(), user).select_related(
        "finding__organization", "owner").prefetch_related("evidence", "verifications")


def notices_for(user: Any) -> QuerySet[Notice]:
    return restrict(Notice.objects.all(), user).select_related("recipient").prefetch_related(
        "findings__organization")


def notice_actions_for(user: Any) -> QuerySet[NoticeAction]:
    return restrict(NoticeAction.objects.all(), user).select_related("notice", "person")


def inspections_for(user: Any) -> QuerySet[Inspection]:
    return restrict(Inspection.objects.all(), user).select_related("organizer", "organization")


def campaigns_for(user: Any) -> QuerySet[Campaign]:
    return restrict(Campaign.objects.all(), user).select_related("organization")


def self_checks_for(user: Any) -> QuerySet[SelfCheck]:
    return restrict(SelfCheck.objects.all(), user).select_related("origin", "organization")


def risk_points_for(user: Any) -> QuerySet[RiskPoint]:
    return restrict(RiskPoint.objects.all(), user).select_related("organization", "area", "owner")


def with_lights(rows: Any, lights: LightCutoffs, due: str) -> list[Any]:
    """Attach ``light`` to each row, from the attribute ``due`` (None: no deadline)."""
    out = []
    for row in rows:
        row.light = lights.light(getattr(row, due))
        out.append(row)
    return out


def overview(user: Any, lights: LightCutoffs) -> list[dict[str, Any]]:
    """Per unit: findings by status and open measures by light, for the county head."""
    units: dict[str, dict[str, Any]] = {}
    for finding in findings_for(user).exclude(
            status__in=[FindingStatus.CLOSED, FindingStatus.WITHDRAWN]):
        unit = units.setdefault(finding.organization.name, {
            "unit": finding.organization.name, "open": 0, "lights": Counter()})
        unit["open"] += 1
        unit["lights"][lights.light(finding.earliest_open_due)] += 1  # type: ignore[attr-defined]
    return sorted(units.values(), key=lambda u: (-u["lights"]["red"], -u["open"], u["unit"]))


def accountability_for(user: Any) -> QuerySet[Accountability]:
    return restrict(Accountability.objects.all(), user).select_related("organization", "person")


def register_counts(user: Any) -> list[dict[str, Any]]:
    """The registers the overview links to, each with how many rows the user sees."""
    return [
        {"key": "findings", "title": "问题台账", "url": "oversight:finding_list",
         "count": findings_for(user).count()},
        {"key": "measures", "title": "整改措施", "url": "oversight:measure_list",
         "count": restrict(Measure.objects.all(), user).count()},
        {"key": "notices", "title": "监督工作提示单", "url": "oversight:notice_list",
         "count": restrict(Notice.objects.all(), user).count()},
        {"key": "self-checks", "title": "举一反三自查", "url": "oversight:selfcheck_list",
         "count": restrict(SelfCheck.objects.all(), user).count()},
        {"key": "accountability", "title": "问责", "url": "oversight:accountability_list",
         "count": restrict(Accountability.objects.all(), user).count()},
        {"key": "risk-points", "title": "廉政风险点", "url": "oversight:riskpoint_list",
         "count": restrict(RiskPoint.objects.all(), user).count()},
    ]
