"""What a released (已公布) result sets off: for each target whose grade is one of the scheme's
``accountability_grades`` (default 差), an accountability proposal (问责建议) to the inspectors
covering it, through the oversight services; the inspectors decide (《中国共产党问责条例》).

The 述责述廉 feed needs no step here: the duties report reads released results when it is
drawn up (``assessment.feeds``)."""

from django.db import transaction

from dangjian.access.roles import Role
from dangjian.access.selectors import users_covering
from dangjian.audit.services import record
from dangjian.core.links import record_link
from dangjian.notifications.services import notify
from dangjian.oversight.models import Accountability
from dangjian.oversight.services.accountability import accountability_open

from ..feeds import result_sentence, scheme_title
from ..models import Result, Scheme

DEFAULT_ACCOUNTABILITY_GRADES = ("差",)


def accountability_grades(scheme: Scheme) -> tuple[str, ...]:
    return tuple(scheme.accountability_grades or DEFAULT_ACCOUNTABILITY_GRADES)


def proposal_reason(result: Result) -> str:
    whom = result.person.name if result.person is not None else result.organization.name
    return (f"党建工作考核等次为“{result.grade}”：{result_sentence(result, whom)}"
            f"依据{scheme_title(result.scheme)}，提出问责建议。")


def on_release(actor: object, scheme: Scheme) -> None:
    """Called by ``schemes.release`` inside its transaction. Idempotent: a result that already
    has its proposal (same unit, same reason) gets no second one."""
    if scheme.status != Scheme.Status.RELEASED:
        return
    grades = accountability_grades(scheme)
    results = (Result.objects.filter(scheme=scheme, grade__in=grades)
               .select_related("scheme", "organization", "person").order_by("rank", "id"))
    with transaction.atomic():
        for result in results:
            _propose(actor, result)


def _propose(actor: object, result: Result) -> None:
    reason = proposal_reason(result)
    if Accountability.objects.filter(organization=result.organization, person=result.person,
                                     reason=reason).exists():
        return
    # The proposal is the system's (actor None, as the escalation job's): the releasing leader
    # need not hold the inspectors' role; the audit event below names who released.
    case = accountability_open(actor=None, organization=result.organization,
                               person=result.person, reason=reason, findings=[])
    record(actor=actor, action="assessment.accountability_proposed", target=result.scheme,
           after={"result": result.pk, "accountability": case.pk, "grade": result.grade,
                  "reason": reason})
    for user in users_covering(result.organization, {Role.INSPECTOR}):
        notify(recipient=user, kind="accountability.proposed", title="问责建议（党建工作考核）",
               body=reason, dedupe_key=f"accountability:{case.pk}", link=record_link(case))
