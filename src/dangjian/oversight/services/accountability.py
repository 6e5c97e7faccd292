"""问责 records (《中国共产党问责条例》): proposals from escalation, decisions by the inspectors.

A case moves 建议 → 已决定 → 已落实 and no other way (``TRANSITIONS``); its dates are bounded
(``_check_dates``). Once decided, a case changes only through ``accountability_correct``: an
explicit correction with a reason, kept as an ``AccountabilityCorrection`` and audited.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Min
from django.utils import timezone

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.selectors import users_covering
from dangjian.audit.services import record
from dangjian.calendar.services import add_months
from dangjian.core.links import record_link
from dangjian.core.permissions import require
from dangjian.core.proposals import Proposal
from dangjian.notifications.services import notify
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..models import Accountability, AccountabilityCorrection, Finding
from ..models.accountability import CADRE_FORMS, ORG_FORMS, AccountabilityForm, FourForms
from ..rules import CADRE_FORMS_RULE, ONE_MONTH_RULE, ORG_FORMS_RULE
from .transitions import check_move

S = Accountability.Status
TRANSITIONS: dict[str, set[str]] = {
    S.PROPOSED: {S.DECIDED},
    S.DECIDED: {S.COMPLETED},
}
# What a correction may change, with the label its messages use.
CORRECTABLE = {"form": "问责方式", "four_forms": "四种形态", "decided_on": "决定日期",
               "deciding_body": "决定机关", "completed_on": "手续完成日期"}


def accountability_open(
    *, actor: User | None, organization: Organization, reason: str, findings: list[Finding],
    person: Person | None = None, source: str = "",
) -> Accountability:
    """A case starts as a proposal (问责建议), from the escalation job (actor None) or from an
    inspector; the decision comes later."""
    if actor is not None:
        require(actor, "oversight.inspect")
    if not reason.strip():
        raise ValidationError({"reason": "请写明问责事由"})
    with transaction.atomic():
        case = Accountability.objects.create(organization=organization, person=person,
                                             reason=reason.strip(), source=source)
        case.findings.set(findings)
        record(actor=actor, action="accountability.open", target=case,
               after={"organization": organization.pk, "person": person.pk if person else None,
                      "findings": [f.pk for f in findings], "source": source})
    return case


def _locked(case: Accountability) -> Accountability:
    return Accountability.objects.select_for_update().get(pk=case.pk)


def _check_form(case: Accountability, form: str, four_forms: str) -> None:
    if form not in AccountabilityForm.values:
        raise ValidationError({"form": f"未知的问责方式：{form}"})
    if case.person_id:
        allowed, rule = CADRE_FORMS, CADRE_FORMS_RULE
    else:
        allowed, rule = ORG_FORMS, ORG_FORMS_RULE
    if form not in allowed:
        raise ValidationError({"form": f"“{form}”不是此对象可用的问责方式（{rule.citation}）"})
    if four_forms and four_forms not in FourForms.values:
        raise ValidationError({"four_forms": f"未知的形态：{four_forms}"})


def _earliest_allowed(case: Accountability) -> date:
    """A decision is not older than what it answers: the earliest finding it names, else the
    day the case was opened."""
    found = case.findings.aggregate(first=Min("discovered_on"))["first"]
    return found or timezone.localtime(case.created_at).date()


def _check_dates(case: Accountability, decided_on: date, completed_on: date | None) -> None:
    today = timezone.localdate()
    earliest = _earliest_allowed(case)
    if decided_on < earliest:
        raise ValidationError({"decided_on": f"决定日期不能早于问题发现日期或问责建议日期"
                                             f"（{earliest:%Y-%m-%d}）"})
    if decided_on > today:
        raise ValidationError({"decided_on": "决定日期不能晚于今天"})
    if completed_on is not None:
        if completed_on < decided_on:
            raise ValidationError({"completed_on": f"手续完成日期不能早于决定日期"
                                                   f"（{decided_on:%Y-%m-%d}）"})
        if completed_on > today:
            raise ValidationError({"completed_on": "手续完成日期不能晚于今天"})


def _complete_by(form: str, decided_on: date) -> date | None:
    if form == AccountabilityForm.ORGANISATIONAL:
        return add_months(start=decided_on, n=1).due  # ONE_MONTH_RULE
    return None


def accountability_decide(
    *, actor: User, case: Accountability, form: str, decided_on: date, deciding_body: str,
    four_forms: str = "",
) -> Accountability:
    """Record the decision on a proposal; 组织调整或者组织处理 must be completed within one
    month. A decided case is changed by ``accountability_correct`` only."""
    require(actor, "oversight.inspect")
    with transaction.atomic():
        case = _locked(case)
        check_move(TRANSITIONS, case.status, S.DECIDED, "问责")
        _check_form(case, form, four_forms)
        if not deciding_body.strip():
            raise ValidationError({"deciding_body": "请填写作出问责决定的机关"})
        _check_dates(case, decided_on, None)
        case.form, case.four_forms = form, four_forms
        case.decided_on, case.deciding_body = decided_on, deciding_body.strip()
        case.status = S.DECIDED
        case.complete_by = _complete_by(form, decided_on)
        case.save()
        rule = CADRE_FORMS_RULE if case.person_id else ORG_FORMS_RULE
        record(actor=actor, action="accountability.decide", target=case,
               after={"form": form, "decided_on": decided_on, "complete_by": case.complete_by,
                      "citation": ONE_MONTH_RULE.citation if case.complete_by else rule.citation})
    return case


def accountability_complete(*, actor: User, case: Accountability, on: date) -> Accountability:
    require(actor, "oversight.inspect")
    with transaction.atomic():
        case = _locked(case)
        if case.status == S.PROPOSED:
            raise ValidationError("只有已作出决定的问责才能登记落实")
        check_move(TRANSITIONS, case.status, S.COMPLETED, "问责")
        assert case.decided_on is not None  # every decided case has its date
        _check_dates(case, case.decided_on, on)
        case.status, case.completed_on = S.COMPLETED, on
        case.save(update_fields=["status", "completed_on"])
        record(actor=actor, action="accountability.complete", target=case, after={"on": on})
    return case


def _state(case: Accountability) -> dict[str, Any]:
    return {name: getattr(case, name) for name in (*CORRECTABLE, "complete_by")}


def accountability_correct(
    *, actor: User, case: Accountability, reason: str, **changes: Any,
) -> Accountability:
    """Correct a decided or completed case (a wrong date, form or body): only the fields named
    in ``changes`` (of ``CORRECTABLE``), checked as a decision is, with a reason; the values
    before and after are kept as an ``AccountabilityCorrection`` and in the audit log."""
    require(actor, "oversight.inspect")
    if not reason.strip():
        raise ValidationError({"reason": "请写明更正理由"})
    unknown = set(changes) - set(CORRECTABLE)
    if unknown:
        raise ValidationError(f"不能更正这些内容：{'、'.join(sorted(unknown))}")
    with transaction.atomic():
        case = _locked(case)
        if case.status == S.PROPOSED:
            raise ValidationError("问责建议尚未作出决定，请直接作出决定，无需更正")
        if case.status != S.COMPLETED and changes.get("completed_on") is not None:
            raise ValidationError({"completed_on": "尚未落实的问责没有手续完成日期可更正"})
        before = _state(case)
        new = {**before, **changes}
        if new == before:
            raise ValidationError("更正内容与原记录相同，没有需要更正的内容")
        _check_form(case, new["form"], new["four_forms"])
        if not str(new["deciding_body"]).strip():
            raise ValidationError({"deciding_body": "请填写作出问责决定的机关"})
        if case.status == S.COMPLETED and new["completed_on"] is None:
            raise ValidationError({"completed_on": "已落实的问责须有手续完成日期"})
        _check_dates(case, new["decided_on"], new["completed_on"])
        for name in CORRECTABLE:
            setattr(case, name, new[name])
        case.deciding_body = case.deciding_body.strip()
        case.complete_by = _complete_by(case.form, new["decided_on"])
        case.save()
        after = _state(case)
        AccountabilityCorrection.objects.create(
            case=case, reason=reason.strip(), corrected_by=actor,
            before={k: _plain(v) for k, v in before.items()},
            after={k: _plain(v) for k, v in after.items()})
        record(actor=actor, action="accountability.correct", target=case, before=before,
               after={**after, "reason": reason.strip()})
    return case


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def propose_from_source(proposal: Proposal) -> bool:
    """``core.proposals``' handler: a sibling app's 问责建议 (duties, tasks), opened by the
    system once per ``source`` and told to the inspectors covering the organisation. A second
    call for the same source, or a concurrent one, opens nothing (the unique constraint)."""
    if Accountability.objects.filter(source=proposal.source).exists():
        return False
    try:
        with transaction.atomic():
            case = accountability_open(actor=None, organization=proposal.organization,
                                       person=proposal.person, reason=proposal.reason,
                                       findings=[], source=proposal.source)
            for user in users_covering(proposal.organization, {Role.INSPECTOR}):
                notify(recipient=user, kind="accountability.proposed", title="问责建议",
                       body=case.reason, dedupe_key=f"accountability:{case.pk}",
                       link=record_link(case))
    except IntegrityError:
        return False
    return True
