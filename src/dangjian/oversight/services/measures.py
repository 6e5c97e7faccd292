"""整改措施 and their lifecycle: 待整改 → 整改中 → 待核查 → 已销号 (or back to 整改中)."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.audit.services import record
from dangjian.core.errors import Conflict
from dangjian.core.files.storage import stored_uploads
from dangjian.core.permissions import can, require
from dangjian.people.models import Person

from ..models import Evidence, Finding, Measure, MeasureStatus, Progress, Verification
from ..models.findings import FindingStatus
from . import handovers
from .evidence import checked_upload
from .findings import finding_refresh_status
from .transitions import check_move

S = MeasureStatus
TRANSITIONS: dict[str, set[str]] = {
    S.PENDING: {S.IN_PROGRESS},
    S.IN_PROGRESS: {S.SUBMITTED},
    S.SUBMITTED: {S.CLOSED, S.IN_PROGRESS},
}


def _locked(measure: Measure, version: int | None) -> Measure:
    """The measure, row-locked; a write that read an older version is a conflict."""
    current = Measure.objects.select_for_update().select_related("finding").get(pk=measure.pk)
    if version is not None and version != current.version:
        raise Conflict()
    return current


def _save(measure: Measure, today: date, *fields: str) -> None:
    measure.version += 1
    measure.save(update_fields=["version", *fields])
    finding_refresh_status(finding=measure.finding, today=today)


def _move(measure: Measure, new: str) -> None:
    check_move(TRANSITIONS, measure.status, new, "整改措施")
    measure.status = new


def measure_create(
    *, actor: User, finding: Finding, description: str, owner: Person, due_on: date,
    criterion: str,
) -> Measure:
    require(actor, "oversight.rectify", finding.organization)
    if finding.status == FindingStatus.CLOSED:
        raise ValidationError({"finding": "该问题已销号，不能再添加整改措施"})
    if finding.status == FindingStatus.WITHDRAWN:
        raise ValidationError({"finding": "该问题已撤销，不能添加整改措施"})
    _check_fields(finding, description=description, criterion=criterion, due_on=due_on)
    with transaction.atomic():
        measure = Measure.objects.create(finding=finding, description=description.strip(),
                                         owner=owner, due_on=due_on, criterion=criterion.strip())
        finding_refresh_status(finding=finding, today=timezone.localdate())
        record(actor=actor, action="measure.create", target=measure,
               after={"finding": finding.pk, "owner": owner.pk, "due_on": due_on})
    return measure


def _check_fields(finding: Finding, *, description: str | None = None,
                  criterion: str | None = None, due_on: date | None = None) -> None:
    """The same rules for a new measure and for an edit of any of its fields; every broken
    rule is named by its field, not the first only."""
    errors = {}
    if description is not None and not description.strip():
        errors["description"] = "整改措施不能为空"
    if criterion is not None and not criterion.strip():
        errors["criterion"] = "完成标准不能为空"
    if due_on is not None and due_on < finding.discovered_on:
        errors["due_on"] = "完成时限不能早于问题发现日期"
    if errors:
        raise ValidationError(errors)


def measure_update(
    *, actor: User, measure: Measure, version: int, **changes: Any
) -> Measure:
    """Edit what, who, when or the criterion; needs the version the editor read."""
    require(actor, "oversight.rectify", measure.finding.organization)
    allowed = {"description", "owner", "due_on", "criterion"}
    if set(changes) - allowed:
        raise ValidationError("只能修改整改措施、责任人、完成时限和完成标准")
    _check_fields(measure.finding, description=changes.get("description"),
                  criterion=changes.get("criterion"), due_on=changes.get("due_on"))
    with transaction.atomic():
        measure = _locked(measure, version)
        if measure.status == S.CLOSED:
            raise ValidationError("已销号的整改措施不能修改")
        before = {k: getattr(measure, k) for k in changes}
        for name, value in changes.items():
            setattr(measure, name, value)
        _save(measure, timezone.localdate(), *changes)
        record(actor=actor, action="measure.update", target=measure,
               before={k: getattr(v, "pk", v) for k, v in before.items()},
               after={k: getattr(v, "pk", v) for k, v in changes.items()})
    return measure


def measure_report_progress(
    *, actor: User, measure: Measure, text: str, version: int | None = None
) -> Progress:
    require(actor, "oversight.rectify", measure.finding.organization)
    if not text.strip():
        raise ValidationError({"text": "进展情况不能为空"})
    with transaction.atomic():
        measure = _locked(measure, version)
        if measure.status not in (S.PENDING, S.IN_PROGRESS):
            raise ValidationError(f"“{measure.status}”状态的整改措施不能报送进展")
        progress = Progress.objects.create(measure=measure, text=text.strip(), author=actor)
        if measure.status == S.PENDING:
            _move(measure, S.IN_PROGRESS)
        _save(measure, timezone.localdate(), "status")
        record(actor=actor, action="measure.progress", target=measure, after={"text": text})
    return progress


def measure_correct_progress(
    *, actor: User, measure: Measure, entry: Progress, text: str, reason: str,
) -> Progress:
    """A wrong progress report is corrected by a new entry that names it and says why; the
    wrong one stays as it was written. The inspectors who follow the finding are told."""
    require(actor, "oversight.rectify", measure.finding.organization)
    if not reason.strip():
        raise ValidationError({"reason": "请写明更正理由"})
    if not text.strip():
        raise ValidationError({"text": "更正后的进展情况不能为空"})
    with transaction.atomic():
        measure = _locked(measure, None)
        if entry.measure_id != measure.pk:
            raise ValidationError({"entry": "该进展不属于这项整改措施"})
        if measure.status == S.CLOSED:
            raise ValidationError("已销号的整改措施不能更正进展")
        if Progress.objects.filter(corrects=entry).exists():
            raise ValidationError({"entry": "该进展已更正过，请更正最新的一条"})
        correction = Progress.objects.create(measure=measure, text=text.strip(), author=actor,
                                             corrects=entry, reason=reason.strip())
        record(actor=actor, action="measure.progress_correct", target=measure,
               before={"entry": entry.pk, "text": entry.text},
               after={"entry": correction.pk, "text": correction.text,
                      "reason": correction.reason})
        handovers.progress_corrected(measure, correction.reason, correction.pk, actor)
    return correction


def measure_add_evidence(
    *, actor: User, measure: Measure, upload: UploadedFile, proves_date: date | None = None,
) -> Evidence:
    require(actor, "oversight.rectify", measure.finding.organization)
    today = timezone.localdate()
    fields = checked_upload(upload, proves_date, today, actor=actor)
    with stored_uploads() as uploads, transaction.atomic():
        measure = _locked(measure, None)
        if measure.status in (S.SUBMITTED, S.CLOSED):
            raise ValidationError(f"“{measure.status}”状态的整改措施不能再上传佐证材料")
        evidence = Evidence(measure=measure, uploaded_by=actor, **fields)
        uploads.store(evidence, upload)
        record(actor=actor, action="measure.evidence", target=measure,
               after={k: v for k, v in fields.items() if k != "proves_date"})
    return evidence


def measure_submit(*, actor: User, measure: Measure, version: int | None = None) -> Measure:
    """Ask the inspectors to verify; refused without evidence."""
    require(actor, "oversight.rectify", measure.finding.organization)
    with transaction.atomic():
        measure = _locked(measure, version)
        if not measure.evidence.exists():
            raise ValidationError("请先上传佐证材料，再提交核查")
        _move(measure, S.SUBMITTED)
        _save(measure, timezone.localdate(), "status")
        record(actor=actor, action="measure.submit", target=measure)
        handovers.measure_submitted(measure, actor)
    return measure


def may_verify(actor: User, measure: Measure) -> bool:
    """An inspector verifies a submitted measure, unless they submitted it themselves."""
    return (can(actor, "oversight.inspect") and measure.status == S.SUBMITTED
            and _submitted_by(measure) != actor.pk)


def _submitted_by(measure: Measure) -> int | None:
    """Who last asked for verification: the audit log is where a submission is kept."""
    return (AuditEvent.objects.filter(object_type=measure._meta.label, object_id=str(measure.pk),
                                      action="measure.submit", success=True)
            .order_by("-id").values_list("user_id", flat=True).first())


def measure_verify(
    *, actor: User, measure: Measure, decision: str, comment: str = "",
    version: int | None = None,
) -> Measure:
    """The inspector accepts (销号) or returns the measure with reasons."""
    require(actor, "oversight.inspect")
    if decision not in Verification.Decision.values:
        raise ValidationError({"decision": "核查结论只能是 accept（通过）或 return（退回）"})
    if decision == Verification.Decision.RETURN and not comment.strip():
        raise ValidationError({"comment": "退回整改时必须写明理由"})
    today = timezone.localdate()
    with transaction.atomic():
        measure = _locked(measure, version)
        if _submitted_by(measure) == actor.pk:  # one account may hold both grants
            raise PermissionDenied("不能核查本人提交的整改措施")
        accept = decision == Verification.Decision.ACCEPT
        _move(measure, S.CLOSED if accept else S.IN_PROGRESS)
        measure.closed_on = today if accept else None
        Verification.objects.create(measure=measure, decision=decision,
                                    comment=comment.strip(), inspector=actor)
        _save(measure, today, "status", "closed_on")
        record(actor=actor, action="measure.verify", target=measure,
               after={"decision": decision, "comment": comment})
        if accept:
            handovers.measure_closed(measure, actor)
        else:
            handovers.measure_returned(measure, comment.strip(), actor)
    return measure

