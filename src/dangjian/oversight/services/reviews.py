"""Findings a leading group raises on itself at its 民主生活会 (来源“民主生活会查摆”), each with
its measure. orglife's 整改清单 calls this through ``core.crossings`` (orglife may not import
oversight): ``oversight.apps`` provides it as ``oversight.review_findings``, and the choices of
category and severity as ``oversight.review_terms``.

A 查摆 finding is the group's own: raised by its clerk or secretary (``oversight.rectify`` on the
unit), as a self-report (自查) is, not by an inspector. The ledger keeps findings on units: a
党组's are the unit's above it."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import Person

from ..models import Finding, Measure, Term, TermKind
from . import handovers
from .findings import (
    earlier_same_problem,
    finding_refresh_status,
    leader_in_charge,
    snapshot,
    term,
)
from .measures import _check_fields
from .terms import LIFE_MEETING_SOURCE


def ledger_unit(organization: Organization) -> Organization:
    """The unit whose ledger holds a leading group's findings: its parent unit, if any."""
    parent = organization.parent
    if organization.kind != OrgKind.GOVERNMENT_UNIT and parent is not None \
            and parent.kind == OrgKind.GOVERNMENT_UNIT:
        return parent
    return organization


def review_terms() -> dict[str, list[str]]:
    """The active categories and severities a 整改 item chooses from."""
    return {kind: list(Term.objects.filter(kind=kind, active=True).order_by("order", "id")
                       .values_list("name", flat=True))
            for kind in (TermKind.CATEGORY, TermKind.SEVERITY)}


def review_findings_create(
    *, actor: User, organization: Organization, discovered_on: date,
    items: Sequence[dict[str, Any]], reference: str = "",
) -> list[int]:
    """One finding and its measure per item (problem, category, severity, measure, owner,
    due_on, criterion); the ids of the findings, in the items' order. All or nothing: the
    caller's transaction holds them."""
    unit = ledger_unit(organization)
    require(actor, "oversight.rectify", unit)
    source = term(TermKind.SOURCE, LIFE_MEETING_SOURCE)
    ids = []
    with transaction.atomic():
        for item in items:
            category = term(TermKind.CATEGORY, item["category"])
            owner: Person = item["owner"]
            finding = Finding.objects.create(
                organization=unit, source=source, category=category,
                severity=term(TermKind.SEVERITY, item["severity"]),
                description=item["problem"].strip(), discovered_on=discovered_on,
                regulation=reference, responsible_leader=leader_in_charge(unit, discovered_on),
                repeat_of=earlier_same_problem(unit, category, discovered_on), raised_by=actor)
            _check_fields(finding, description=item["measure"], criterion=item["criterion"],
                          due_on=item["due_on"])
            measure = Measure.objects.create(
                finding=finding, description=item["measure"].strip(), owner=owner,
                due_on=item["due_on"], criterion=item["criterion"].strip())
            finding_refresh_status(finding=finding, today=timezone.localdate())
            record(actor=actor, action="finding.create", target=finding,
                   after={**snapshot(finding), "life_meeting": reference})
            record(actor=actor, action="measure.create", target=measure,
                   after={"finding": finding.pk, "owner": owner.pk, "due_on": item["due_on"]})
            handovers.finding_raised(finding, actor)
            ids.append(finding.pk)
    if not ids:
        raise ValidationError({"items": "整改清单至少应有1项"})
    return ids
