"""Units report progress with evidence; the assigning side confirms completion.

未启动 → 推进中 on the first report; 推进中 / 逾期 → 已完成 only when the responsible leader
(or the county's 督查室, a local setting) confirms, never the lead unit itself nor the person
who asked, and only when some report carries evidence (rules.COMPLETION_APPROVAL).
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.selectors import user_of, users_covering
from dangjian.audit.services import record
from dangjian.core.files.storage import stored_uploads
from dangjian.core.links import record_link
from dangjian.core.permissions import require
from dangjian.notifications.services import notify

from ..models import Milestone, ProgressEvidence, ProgressReport, Review, Task, TaskStatus
from ..rules import local_settings
from ..selectors import period_of
from . import transitions
from .permissions import is_completion_confirmer
from .tasks import locked
from .uploads import checked_evidence

MAX_FILES = 10


def task_report_progress(
    *, actor: Any, task: Task, text: str, percent: int | None = None,
    milestone: Milestone | None = None, files: list[UploadedFile] | None = None,
    request_completion: bool = False, version: int | None = None,
) -> ProgressReport:
    require(actor, "tasks.report", task)
    files = files or []
    _check_report(task, text, percent, files, request_completion)
    checked = [(upload, checked_evidence(upload, actor=actor)) for upload in files]
    today = timezone.localdate()
    with stored_uploads() as uploads, transaction.atomic():
        task = locked(task, version)
        report = _report(actor, task, text, percent, milestone, today)
        for upload, fields in checked:
            uploads.store(ProgressEvidence(report=report, uploaded_by=actor, **fields), upload)
        if task.status == TaskStatus.NOT_STARTED:
            transitions.move(task, TaskStatus.IN_PROGRESS)
        if request_completion:
            _request_completion(task, today, actor)
        task.version += 1
        task.save(update_fields=["status", "version", "completion_requested_on",
                                 "completion_requested_by"])
        record(actor=actor, action="task.progress", target=task,
               after={"period": report.period, "percent": percent, "text": report.text,
                      "evidence": [e.sha256 for e in uploads.stored],
                      "request_completion": request_completion})
    return report


def _check_report(task: Task, text: str, percent: int | None, files: list[UploadedFile],
                  request_completion: bool) -> None:
    """Every broken rule of a report, by field, before any upload is read."""
    errors = {}
    if not text.strip():
        errors["text"] = "进展情况不能为空"
    if percent is not None and not 0 <= percent <= 100:
        errors["percent"] = "完成进度应在0至100之间"
    if len(files) > MAX_FILES:
        errors["files"] = f"一次最多上传{MAX_FILES}个佐证材料"
    if request_completion and not files and not ProgressEvidence.objects.filter(
            report__task=task).exists():
        errors["request_completion"] = "申请办结前请先上传佐证材料"
    if errors:
        raise ValidationError(errors)


def _report(actor: Any, task: Task, text: str, percent: int | None,
            milestone: Milestone | None, today: date) -> ProgressReport:
    if not task.is_open:
        raise ValidationError(f"“{task.status}”的任务不能再报送进展")
    if milestone is not None and milestone.task_id != task.pk:
        raise ValidationError({"milestone": "该节点不属于这项任务"})
    period = period_of(task, today)
    if milestone is not None and milestone.done_on is None:
        milestone.done_on = today
        milestone.save(update_fields=["done_on"])
    return ProgressReport.objects.create(
        task=task, period=period.key if period else f"{today:%Y-%m}", text=text.strip(),
        percent=percent, milestone=milestone, reported_by=actor, reported_on=today)


def _request_completion(task: Task, today: date, actor: Any) -> None:
    """申请办结 (evidence checked before): whoever confirms it is told."""
    task.completion_requested_on, task.completion_requested_by = today, actor
    for user in completion_confirmers(task):
        if user.pk != actor.pk:
            notify(recipient=user, kind="task.completion_requested", title="督办任务申请办结",
                   body=f"“{task.title[:40]}”（{task.lead_unit}）已申请办结，请确认。",
                   dedupe_key=f"task:{task.pk}:completion:{task.version}",
                   link=f"/tasks/tasks/{task.pk}/review/")


def completion_confirmers(task: Task) -> list[Any]:
    """The users who may confirm ``task``'s completion (rules.COMPLETION_APPROVAL)."""
    if local_settings().completion_confirmed_by == "leader":
        leader = user_of(task.leader)
        candidates = [leader] if leader else []
    else:
        candidates = list(User.objects.filter(
            is_active=True, grants__role=Role.UNIT_CLERK,
            grants__organization=task.plan.organization).distinct())
    return [u for u in candidates if is_completion_confirmer(u, task)]


def task_review(*, actor: Any, task: Task, decision: str, comment: str = "",
                version: int | None = None) -> Task:
    """The assigning side accepts (已完成) or returns the request with reasons."""
    require(actor, "tasks.confirm_completion", task)
    if decision not in Review.Decision.values:
        raise ValidationError({"decision": "审核结论只能是 accept（同意办结）或 return（退回）"})
    if decision == Review.Decision.RETURN and not comment.strip():
        raise ValidationError({"comment": "退回时必须写明理由"})
    today = timezone.localdate()
    with transaction.atomic():
        task = locked(task, version)
        if task.completion_requested_on is None:
            raise ValidationError("该任务尚未申请办结")
        require(actor, "tasks.confirm_completion", task)  # the requester as locked, not as read
        if decision == Review.Decision.ACCEPT:
            transitions.move(task, TaskStatus.DONE)
            task.completed_on = today
        task.completion_requested_on, task.completion_requested_by = None, None
        task.version += 1
        task.save(update_fields=["status", "completed_on", "completion_requested_on",
                                 "completion_requested_by", "version"])
        Review.objects.create(task=task, decision=decision, comment=comment.strip(),
                              reviewer=actor)
        record(actor=actor, action="task.review", target=task,
               after={"decision": decision, "comment": comment})
        _tell_lead_unit_of_review(task, decision, comment.strip(), actor)
    return task


def _tell_lead_unit_of_review(task: Task, decision: str, reason: str, actor: Any) -> None:
    """The lead unit hears whether its 申请办结 was accepted, or why it came back."""
    accepted = decision == Review.Decision.ACCEPT
    title = "督办任务已确认办结" if accepted else f"督办任务办结申请被退回：{reason[:20]}"
    body = (f"“{task.title[:40]}”已确认办结。" if accepted
            else f"“{task.title[:40]}”的办结申请被退回。理由：{reason}")
    for user in users_covering(task.lead_unit, {Role.UNIT_CLERK, Role.UNIT_SECRETARY}):
        if user.pk != actor.pk:
            notify(recipient=user, kind=f"task.review_{decision}", title=title, body=body,
                   dedupe_key=f"task:{task.pk}:review:{task.version}", link=record_link(task))
