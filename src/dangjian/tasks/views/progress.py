"""The unit's monthly report and the assigning side's decision on 办结 (POST actions)."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest

from dangjian.core.actions import action, scoped, version_of
from dangjian.core.forms import Inputs

from ..models import Milestone, Task, TaskStatus
from ..services import progress as progress_services

REPORT_FIELDS = {"text": "本期进展", "percent": "完成进度（%）", "milestone": "完成节点",
                 "files": "佐证材料", "request_completion": "申请办结"}


def _percent(raw: str) -> int | None:
    if raw and not raw.isdigit():
        raise ValidationError("完成进度应为0至100的整数")
    return int(raw) if raw else None


@action("report-{pk}", back="tasks:home", labels=REPORT_FIELDS)
def report(request: HttpRequest, pk: int) -> str:
    post = request.POST
    task = scoped(Task, request, pk)
    inputs = Inputs(request, REPORT_FIELDS)
    percent = inputs.read("percent", _percent, post.get("percent", "").strip())
    milestone_id = post.get("milestone", "")
    milestone = (Milestone.objects.filter(task=task, pk=milestone_id).first()
                 if milestone_id.isdigit() else None)
    if milestone_id and milestone is None:
        inputs.refuse("milestone", "所选节点不属于这项任务")
    inputs.check()
    progress_services.task_report_progress(
        actor=request.user, task=task, text=post.get("text", ""), percent=percent,
        milestone=milestone, files=request.FILES.getlist("files"),
        request_completion=post.get("request_completion") == "on",
        version=version_of(request))
    return "进展已报送" + ("，并已申请办结" if post.get("request_completion") == "on" else "")


@action("review-{pk}", back="tasks:home")
def review(request: HttpRequest, pk: int) -> str:
    task = progress_services.task_review(
        actor=request.user, task=scoped(Task, request, pk),
        decision=request.POST.get("decision", ""), comment=request.POST.get("comment", ""),
        version=version_of(request))
    return "已同意办结" if task.status == TaskStatus.DONE else "已退回办结申请"
