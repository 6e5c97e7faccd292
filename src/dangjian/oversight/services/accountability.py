"""问责 records (《中国共产党问责条例》): proposals from escalation, decisions by the inspectors."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.audit.services import record
from dangjian.calendar.services import add_months
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..models import Accountability, Finding
from ..models.accountability import CADRE_FORMS, ORG_FORMS, AccountabilityForm
from ..rules import CADRE_FORMS_RULE, ONE_MONTH_RULE, ORG_FORMS_RULE
from .permissions import require_inspector


def accountability_open(
    *, actor: Any, organization: Organization, reason: str, findings: list[Finding],
    person: Person | None = None,
) -> Accountability:
    """A case starts as a proposal (问责建议), from the escalation job (actor None) or from an
    inspector; the decision comes later."""
    if actor is not None:
        require_inspector(actor)
    if not reason.strip():
        raise ValidationError({"reason": "请写明问责事由"})
    with transaction.atomic():
        case = Accountability.objects.create(organization=organization, person=person,
                                             reason=reason.strip())
        case.findings.set(findings)
        record(actor=actor, action="accountability.open", target=case,
               after={"organization": organization.pk, "person": person.pk if person else None,
                      "findings": [f.pk for f in findings]})
    return case


def accountability_decide(
    *, actor: Any, case: Accountability, form: str, decided_on: date, deciding_body: str,
    four_forms: str = "",
) -> Accountability:
    """Record the decision; 组织调整或者组织处理 must be completed within one month."""
    require_inspector(actor)
    if form not in AccountabilityForm.values:
        raise ValidationError({"form": f"未知的问责方式：{form}"})
    if case.person_id:
        allowed, rule = CADRE_FORMS, CADRE_FORMS_RULE
    else:
        allowed, rule = ORG_FORMS, ORG_FORMS_RULE
    if form not in allowed:
        raise ValidationError({"form": f"“{form}”不是此对象可用的问责方式（{rule.citation}）"})
    if not deciding_body.strip():
        raise ValidationError({"deciding_body": "请填写作出问责决定的机关"})
    with transaction.atomic():
        case.form, case.four_forms = form, four_forms
        case.decided_on, case.deciding_body = decided_on, deciding_body.strip()
        case.status = Accountability.Status.DECIDED
        if form == AccountabilityForm.ORGANISATIONAL:
            case.complete_by = add_months(start=decided_on, n=1).due  # ONE_MONTH_RULE
        case.save()
        record(actor=actor, action="accountability.decide", target=case,
               after={"form": form, "decided_on": decided_on, "complete_by": case.complete_by,
                      "citation": ONE_MONTH_RULE.citation if case.complete_by else rule.citation})
    return case


def accountability_complete(*, actor: Any, case: Accountability, on: date) -> Accountability:
    require_inspector(actor)
    if case.status != Accountability.Status.DECIDED:
        raise ValidationError("只有已作出决定的问责才能登记落实")
    with transaction.atomic():
        case.status, case.completed_on = Accountability.Status.COMPLETED, on
        case.save(update_fields=["status", "completed_on"])
        record(actor=actor, action="accountability.complete", target=case, after={"on": on})
    return case
