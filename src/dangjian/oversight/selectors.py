"""Reads for the oversight pages and exports, always through access.scoping."""

from collections import Counter
from typing import Any

from django.db.models import Min, Q, QuerySet

from dangjian.access.scoping import restrict

from .models import Finding, Measure, MeasureStatus, Notice, RiskPoint, SelfCheck
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
