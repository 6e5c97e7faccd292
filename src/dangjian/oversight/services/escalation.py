"""The daily escalation job (督办升级): reminders before the deadline, the vice head when red,
an accountability proposal when long overdue. Each step is taken once per measure."""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.selectors import user_of, users_covering
from dangjian.audit.services import record
from dangjian.calendar.services import working_days_between
from dangjian.core.links import record_link
from dangjian.notifications.services import notify

from ..models import Escalation, Measure, MeasureStatus
from ..rules import local_settings
from .accountability import accountability_open
from .lights import RED, YELLOW, cutoffs

Step = Escalation.Step


@dataclass
class EscalationReport:
    scanned: int = 0
    taken: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in Step})


def escalate(*, today: date | None = None) -> EscalationReport:
    """Scan open measures due within the yellow window (the partial index on due_on)."""
    limits = cutoffs(today)
    report = EscalationReport()
    overdue_days = lru_cache(maxsize=None)(  # per due date, not per measure: a few hundred
        lambda due_on: working_days_between(start=due_on, end=limits.today).days)
    open_due = (
        Measure.objects.exclude(status=MeasureStatus.CLOSED)
        .filter(due_on__lte=limits.yellow_until)
        # the last step taken, nothing more can happen to a measure: the daily run skips it
        .exclude(escalations__step=Step.ACCOUNTABILITY)
        .select_related("finding__organization", "finding__responsible_leader", "owner")
        .prefetch_related("escalations")
        .order_by("due_on", "id")
    )
    for measure in open_due.iterator(chunk_size=1000):
        report.scanned += 1
        done = {e.step for e in measure.escalations.all()}
        light = limits.light(measure.due_on)
        overdue = overdue_days(measure.due_on) if light == RED else 0
        for step in _due_steps(light, overdue):
            if step not in done and _take(measure, step, limits.today):
                report.taken[step] += 1
    return report


def _due_steps(light: str, overdue_working_days: int) -> list[str]:
    if light == YELLOW:
        return [Step.DUE_SOON]
    if light != RED:
        return []
    steps: list[str] = [Step.OVERDUE]
    if overdue_working_days >= local_settings().accountability_after_working_days:
        steps.append(Step.ACCOUNTABILITY)
    return steps


def _take(measure: Measure, step: str, today: date) -> bool:
    """One step in its own transaction: the escalation row, its notices and its audit event
    commit together; a concurrent run that got there first makes this a no-op."""
    try:
        with transaction.atomic():
            escalation = Escalation.objects.create(measure=measure, step=step, taken_on=today)
            ACTIONS[step](measure)
            record(actor=None, action=f"escalation.{step}", target=measure,
                   after={"escalation": escalation.pk, "due_on": measure.due_on})
    except IntegrityError:
        return False
    return True


def _remind_unit(measure: Measure) -> None:
    for user in users_covering(measure.finding.organization,
                               {Role.UNIT_CLERK, Role.UNIT_SECRETARY}):
        notify(recipient=user, kind="measure.due_soon", title="整改措施即将到期",
               body=f"“{measure.description[:40]}”将于{measure.due_on:%Y年%m月%d日}到期。",
               dedupe_key=f"measure:{measure.pk}:due_soon",
               link=record_link(measure))


def _report_to_vice_head(measure: Measure) -> None:
    leader = user_of(measure.finding.responsible_leader)
    recipients = [leader] if leader else []
    recipients += list(users_covering(measure.finding.organization, {Role.UNIT_SECRETARY}))
    for user in recipients:
        notify(recipient=user, kind="measure.overdue", title="整改措施已逾期（红灯）",
               body=f"{measure.finding.organization}：“{measure.description[:40]}”"
                    f"已于{measure.due_on:%Y年%m月%d日}到期未销号。",
               dedupe_key=f"measure:{measure.pk}:overdue",
               link=record_link(measure))


def _propose_accountability(measure: Measure) -> None:
    finding = measure.finding
    case = accountability_open(
        actor=None, organization=finding.organization, findings=[finding],
        reason=f"整改措施“{measure.description[:60]}”逾期超过"
               f"{local_settings().accountability_after_working_days}个工作日未完成",
    )
    for user in users_covering(finding.organization, {Role.INSPECTOR}):
        notify(recipient=user, kind="accountability.proposed", title="问责建议",
               body=case.reason, dedupe_key=f"accountability:{case.pk}",
               link=record_link(case))


ACTIONS: dict[str, Any] = {
    Step.DUE_SOON: _remind_unit,
    Step.OVERDUE: _report_to_vice_head,
    Step.ACCOUNTABILITY: _propose_accountability,
}


def run_daily() -> EscalationReport:
    """Entry point for Celery beat and ``dangjian escalate``."""
    return escalate(today=timezone.localdate())
