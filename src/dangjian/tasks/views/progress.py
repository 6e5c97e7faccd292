"""The unit's monthly report and the assigning side's decision on 办结 (POST actions)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.core.actions import action, scoped, version_of
from dangjian.core.forms import Inputs

from ..models import Milestone, ReportCycle, Task, TaskStatus
from ..services import progress as progress_services
from ..services import tasks as task_services

REPORT_FIELDS = {"text": "本期进展", "percent": "完成进度（%）", "milestone": "完成节点",
                 "files": "佐证材料", "request_completion": "申请办结"}
REVIEW_FIELDS = {"decision": "审核结论", "comment": "审核意见"}
EDIT_FIELDS = {"due_on": "完成时限", "report_cycle": "报送周期", "report_day": "每期报送截止日"}


def _percent(raw: str) -> int | None:
    if raw and not raw.isdecimal():
        raise ValidationError("完成进度应为0至100的整数")
    return int(raw) if raw else None


def _detail(task: Task) -> str:
    return reverse("tasks:task_detail", args=[task.pk])


@action("report-{pk}", back="tasks:report", back_kwargs=("pk",), labels=REPORT_FIELDS)
def report(request: HttpRequest, pk: int) -> tuple[str, str]:
    post = request.POST
    task = scoped(Task, request, pk)
    inputs = Inputs(request, REPORT_FIELDS)
    percent = inputs.read("percent", _percent, post.get("percent", "").strip())
    milestone_id = post.get("milestone", "")
    milestone = (Milestone.objects.filter(task=task, pk=milestone_id).first()
                 if milestone_id.isdecimal() else None)
    if milestone_id and milestone is None:
        inputs.refuse("milestone", "所选节点不属于这项任务")
    inputs.check()
    progress_services.task_report_progress(
        actor=actor_of(request), task=task, text=post.get("text", ""), percent=percent,
        milestone=milestone, files=request.FILES.getlist("files"),
        request_completion=post.get("request_completion") == "on",
        version=version_of(request))
    done = "进展已报送" + ("，并已申请办结" if post.get("request_completion") == "on" else "")
    return done, _detail(task)


@action("review-{pk}", back="tasks:task-review", back_kwargs=("pk",), labels=REVIEW_FIELDS)
def review(request: HttpRequest, pk: int) -> tuple[str, str]:
    task = progress_services.task_review(
        actor=actor_of(request), task=scoped(Task, request, pk),
        decision=request.POST.get("decision", ""), comment=request.POST.get("comment", ""),
        version=version_of(request))
    return ("已同意办结" if task.status == TaskStatus.DONE else "已退回办结申请"), _detail(task)


@action("edit-{pk}", back="tasks:task-edit", back_kwargs=("pk",), labels=EDIT_FIELDS)
def edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    """修订: the deploying side moves the deadline or the reporting cadence."""
    task = scoped(Task, request, pk)
    inputs = Inputs(request, EDIT_FIELDS)
    due_on = inputs.date("due_on")
    cycle = inputs.read("report_cycle", _cycle, request.POST.get("report_cycle", ""))
    day = inputs.read("report_day", _report_day, inputs.text("report_day"))
    inputs.check()
    task = task_services.task_update(
        actor=actor_of(request), task=task, version=version_of(request) or task.version,
        due_on=due_on, report_cycle=cycle, report_day=day)
    return "已修订督办任务", _detail(task)


def _cycle(value: str) -> str:
    if value not in ReportCycle.values:
        raise ValidationError("请选择报送周期")
    return value


def _report_day(raw: str) -> int | None:
    # Empty is already refused by ``Inputs.text``; the range is the service's rule.
    if raw and not raw.isdecimal():
        raise ValidationError("报送截止日应为1至28的整数")
    return int(raw) if raw else None
