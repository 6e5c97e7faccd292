"""依申请公开 (政务): answered within 20 working days of receipt, extended once by at most 20
(政府信息公开条例; the article is 待核实, the figures are the county's too)."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.calendar.services import add_working_days
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization

from ..models import Decision, DisclosureRequest
from ..rules import local_settings


def request_register(*, actor: User, organization: Organization, applicant: str, content: str,
                     received_on: date) -> DisclosureRequest:
    require(actor, "openness.draft", organization)
    errors: dict[str, str] = {}
    if not (applicant or "").strip():
        errors["applicant"] = "请填写申请人"
    if not (content or "").strip():
        errors["content"] = "请填写申请内容"
    if received_on > timezone.localdate():
        errors["received_on"] = "收到日期不能晚于今天"
    if errors:
        raise ValidationError(errors)
    due = add_working_days(start=received_on, n=local_settings().request_working_days).due
    with transaction.atomic():
        request = DisclosureRequest.objects.create(
            organization=organization, applicant=applicant.strip(), content=content.strip(),
            received_on=received_on, due_on=due, created_by=actor)
        record(actor=actor, action="disclosure_request.register", target=request,
               after={"received_on": received_on, "due_on": due})
    return request


def request_extend(*, actor: User, request: DisclosureRequest, days: int, reason: str
                   ) -> DisclosureRequest:
    """延长答复期限, once, by at most 20 working days, with a reason."""
    require(actor, "openness.draft", request.organization)
    limit = local_settings().request_extension_max
    if not 1 <= days <= limit:
        raise ValidationError({"days": f"延长期限应为1至{limit}个工作日"})
    if not (reason or "").strip():
        raise ValidationError({"reason": "延长须写明理由"})
    with transaction.atomic():
        request = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
        if request.extended_days:
            raise ValidationError("答复期限只能延长一次")
        if request.decided_on is not None:
            raise ValidationError("该申请已经答复")
        before = request.due_on
        request.due_on = add_working_days(start=request.due_on, n=days).due
        request.extended_days, request.extension_reason = days, reason.strip()
        request.save(update_fields=["due_on", "extended_days", "extension_reason"])
        record(actor=actor, action="disclosure_request.extend", target=request,
               before={"due_on": before}, after={"due_on": request.due_on, "days": days})
    return request


def request_decide(*, actor: User, request: DisclosureRequest, decision: str,
                   decided_on: date | None = None) -> DisclosureRequest:
    require(actor, "openness.draft", request.organization)
    if decision not in Decision.values:
        raise ValidationError({"decision": f"答复类型只能是：{'、'.join(Decision.values)}"})
    decided_on = decided_on or timezone.localdate()
    if decided_on > timezone.localdate() or decided_on < request.received_on:
        raise ValidationError({"decided_on": "答复日期应在收到日期与今天之间"})
    with transaction.atomic():
        request = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
        if request.decided_on is not None:
            raise ValidationError("该申请已经答复")
        request.decision, request.decided_on = decision, decided_on
        request.save(update_fields=["decision", "decided_on"])
        record(actor=actor, action="disclosure_request.decide", target=request,
               after={"decision": decision, "decided_on": decided_on})
    return request


def is_overdue(request: DisclosureRequest, today: date | None = None) -> bool:
    """Unanswered past its due date, or answered after it: shown red."""
    today = today or timezone.localdate()
    if request.decided_on is not None:
        return request.decided_on > request.due_on
    return today > request.due_on
