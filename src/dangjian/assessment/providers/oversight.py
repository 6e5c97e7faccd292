"""Providers reading 监督整改 (oversight), through its selectors: measures closed on time (less
accountability escalations), 提示单 and 举一反三 answered on time, 屡查屡犯 repeats, and
accountability decided, weighted by its form."""

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone

from dangjian.orgs.models import Organization
from dangjian.oversight.models import Accountability, Escalation
from dangjian.oversight.models.findings import FindingStatus
from dangjian.oversight.models.notices import NoticeStatus
from dangjian.oversight.selectors import (
    accountability_for,
    findings_for,
    measures_for,
    notices_for,
    self_checks_for,
)

from .. import rules
from . import KEYS, Outcome, Period, Provider, register
from .common import (
    CENT,
    Reader,
    as_of,
    dec,
    deduction_points,
    rate_points,
    rate_text,
    refs,
    unit_of,
)

AUTO, DEDUCTION = frozenset({"AUTO"}), frozenset({"DEDUCTION"})


def _reader(target: Organization) -> Reader:
    return Reader(unit_of(target))


def _day(moment: datetime | None) -> Any:
    return timezone.localdate(moment) if moment is not None else None


def measures_on_time(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """整改措施 due in the period (so far) closed by their deadline, less
    ``points_per_escalation`` (default 1) for each escalation to an accountability proposal."""
    judged = as_of(period, params)
    reader = _reader(target)
    due = list(measures_for(reader).filter(due_on__gte=period.start, due_on__lte=judged)
               .order_by("due_on", "id").values_list("pk", "closed_on", "due_on"))
    on_time = [pk for pk, closed, due_on in due if closed is not None and closed <= due_on]
    escalations = list(Escalation.objects.filter(
        measure__in=measures_for(reader), step=Escalation.Step.ACCOUNTABILITY,
        taken_on__gte=period.start, taken_on__lte=judged).order_by("id")
        .values_list("pk", flat=True))
    rate, points = rate_points(len(on_time), len(due), params)
    lost = dec(params.get("points_per_escalation"), "1") * len(escalations)
    points = max(Decimal(0), points - lost).quantize(CENT)
    return Outcome({"on_time": len(on_time), "due": len(due), "rate": rate_text(rate),
                    "escalations": len(escalations)}, points,
                   refs("oversight.Measure", [row[0] for row in due])
                   + refs("oversight.Escalation", escalations))


def _answered_on_time(due: list[tuple[int, Any, Any]], params: dict[str, Any], model: str
                      ) -> Outcome:
    """The rate of ``due`` rows (id, answered at, deadline) answered by their deadline."""
    on_time = [pk for pk, answered, deadline in due
               if answered is not None and _day(answered) <= deadline]
    rate, points = rate_points(len(on_time), len(due), params)
    return Outcome({"on_time": len(on_time), "due": len(due), "rate": rate_text(rate)}, points,
                   refs(model, [row[0] for row in due]))


def notices_answered_on_time(target: Organization, period: Period, params: dict[str, Any]
                             ) -> Outcome:
    """监督工作提示单 whose reply fell due in the period (so far), answered by ``reply_due``."""
    judged = as_of(period, params)
    due = list(notices_for(_reader(target)).exclude(status=NoticeStatus.DRAFT)
               .filter(reply_due__gte=period.start, reply_due__lte=judged)
               .order_by("reply_due", "id").values_list("pk", "replied_at", "reply_due"))
    return _answered_on_time(due, params, "oversight.Notice")


def selfchecks_on_time(target: Organization, period: Period, params: dict[str, Any]
                       ) -> Outcome:
    """举一反三 self-checks due in the period (so far), answered by their deadline."""
    judged = as_of(period, params)
    due = list(self_checks_for(_reader(target))
               .filter(due_on__gte=period.start, due_on__lte=judged)
               .order_by("due_on", "id").values_list("pk", "answered_at", "due_on"))
    return _answered_on_time(due, params, "oversight.SelfCheck")


def repeat_findings(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """屡查屡犯: findings found in the period that repeat an earlier one."""
    repeats = list(findings_for(_reader(target)).filter(
        repeat_of__isnull=False, discovered_on__gte=period.start,
        discovered_on__lte=as_of(period, params)).exclude(status=FindingStatus.WITHDRAWN)
        .order_by("discovered_on", "id").values_list("pk", flat=True))
    return Outcome({"repeats": len(repeats)}, deduction_points(len(repeats), params),
                   refs("oversight.Finding", repeats))


def accountability(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """问责 decided in the period, each weighing what its form weighs (``weights`` in params,
    else the county's defaults), times ``points_per_unit``."""
    weights = {**rules.local_settings().accountability_weights,
               **{k: dec(v, "0") for k, v in (params.get("weights") or {}).items()}}
    cases = list(accountability_for(_reader(target)).filter(
        status__in=(Accountability.Status.DECIDED, Accountability.Status.COMPLETED),
        decided_on__gte=period.start, decided_on__lte=as_of(period, params))
        .order_by("decided_on", "id").values_list("pk", "form"))
    weight = sum((weights.get(form, Decimal(1)) for _, form in cases), Decimal(0))
    by_form: dict[str, int] = {}
    for _, form in cases:
        by_form[form] = by_form.get(form, 0) + 1
    return Outcome({"cases": len(cases), "weight": str(weight), "by_form": by_form},
                   deduction_points(weight, params),
                   refs("oversight.Accountability", [pk for pk, _ in cases]))


register(Provider("oversight.measures_on_time", KEYS["oversight.measures_on_time"], AUTO,
                  measures_on_time))
register(Provider("oversight.notices_answered_on_time",
                  KEYS["oversight.notices_answered_on_time"], AUTO, notices_answered_on_time))
register(Provider("oversight.selfchecks_on_time", KEYS["oversight.selfchecks_on_time"], AUTO,
                  selfchecks_on_time))
register(Provider("oversight.repeat_findings", KEYS["oversight.repeat_findings"], DEDUCTION,
                  repeat_findings))
register(Provider("oversight.accountability", KEYS["oversight.accountability"], DEDUCTION,
                  accountability))
