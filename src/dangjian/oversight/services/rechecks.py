"""回头看: a closed finding is checked again on its ``recheck_on`` day (``LocalSettings.
recheck_after_months`` after closing). The daily job reminds the inspectors when it is due; the
inspector records the result once: 巩固 (held) or 反弹 (relapsed), a relapse opening a new
finding of the same unit and category marked 屡查屡犯 (``repeat_of`` the closed one)."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.links import record_link
from dangjian.core.permissions import require
from dangjian.notifications.services import notify

from ..models import Finding, Recheck, RecheckResult
from ..models.findings import FindingStatus
from . import handovers
from .findings import finding_create

NOTE_MAX = 2000


def due_rechecks(today: date) -> QuerySet[Finding]:
    """Closed findings whose 回头看 day has come and that nobody has rechecked yet."""
    return (Finding.objects.filter(status=FindingStatus.CLOSED, recheck_on__lte=today,
                                   recheck__isnull=True)
            .select_related("organization", "raised_by").order_by("recheck_on", "id"))


def may_recheck(finding: Finding, today: date | None = None) -> bool:
    """Whether the finding waits for its 回头看 (the page offers the action only then)."""
    today = today or timezone.localdate()
    return (finding.status == FindingStatus.CLOSED and finding.recheck_on is not None
            and finding.recheck_on <= today and not Recheck.objects.filter(
                finding=finding).exists())


def _check(finding: Finding, checked_on: date, result: str, note: str) -> None:
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if finding.status != FindingStatus.CLOSED or finding.recheck_on is None:
        raise ValidationError("只有已销号的问题才能回头看")
    if finding.recheck_on > today:
        raise ValidationError(f"回头看日期未到（{finding.recheck_on:%Y-%m-%d}）")
    if result not in RecheckResult.values:
        errors["result"] = "请选择回头看结果：巩固或反弹"
    if checked_on > today:
        errors["checked_on"] = "回头看日期不能晚于今天"
    elif finding.closed_on and checked_on < finding.closed_on:
        errors["checked_on"] = f"回头看日期不能早于销号日期（{finding.closed_on:%Y-%m-%d}）"
    if result == RecheckResult.RELAPSED and not note.strip():
        errors["note"] = "问题反弹的，请写明反弹情况"
    if len(note) > NOTE_MAX:
        errors["note"] = f"情况说明不能超过{NOTE_MAX}字"
    if errors:
        raise ValidationError(errors)


def finding_recheck(*, actor: User, finding: Finding, checked_on: date, result: str,
                    note: str = "") -> Recheck:
    """Record the 回头看 of ``finding`` (inspectors only, once). A relapse opens the new
    finding in the same transaction: both are written or neither."""
    require(actor, "oversight.inspect")
    note = note.strip()
    with transaction.atomic():
        finding = Finding.objects.select_for_update().select_related(
            "organization", "source", "category", "severity").get(pk=finding.pk)
        if Recheck.objects.filter(finding=finding).exists():
            raise ValidationError("该问题已经回头看过")
        _check(finding, checked_on, result, note)
        relapse = None
        if result == RecheckResult.RELAPSED:
            relapse = finding_create(
                actor=actor, organization=finding.organization, source=finding.source.name,
                category=finding.category.name, severity=finding.severity.name,
                description=f"回头看发现问题反弹：{note}", discovered_on=checked_on,
                regulation=finding.regulation, risk_point=finding.risk_point,
                repeat_of=finding)
        try:
            with transaction.atomic():
                recheck = Recheck.objects.create(finding=finding, checked_on=checked_on,
                                                 checked_by=actor, result=result, note=note,
                                                 relapse=relapse)
        except IntegrityError as exc:  # a concurrent recheck of the same finding got there
            raise ValidationError("该问题已经回头看过") from exc
        record(actor=actor, action="finding.recheck", target=finding,
               after={"checked_on": checked_on, "result": result,
                      "relapse": relapse.pk if relapse else None})
    return recheck


@dataclass
class RecheckReport:
    due: int = 0
    reminded: int = 0


def remind_due(*, today: date | None = None) -> RecheckReport:
    """The daily reminder: each finding due for 回头看 tells its inspectors once (the
    notification's dedupe key), so a second run on a day, or a late run, sends nothing twice."""
    today = today or timezone.localdate()
    report = RecheckReport()
    for finding in due_rechecks(today).iterator(chunk_size=500):
        report.due += 1
        with transaction.atomic():
            for user in handovers.inspectors_of(finding):
                sent = notify(recipient=user, kind="finding.recheck_due", title="问题待回头看",
                              body=f"{finding.organization.name}：“{finding.description[:40]}”"
                                   f"于{finding.closed_on:%Y年%m月%d日}销号，"
                                   f"{finding.recheck_on:%Y年%m月%d日}应回头看。",
                              dedupe_key=f"finding:{finding.pk}:recheck_due",
                              link=record_link(finding))
                report.reminded += sent is not None
    return report


def run_daily() -> RecheckReport:
    """Entry point for Celery beat and the in-process scheduler (``core.jobs``)."""
    return remind_due(today=timezone.localdate())
