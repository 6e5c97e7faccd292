"""Editing a confirmed task outside a revision: deadline, leader, co-units, cadence."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.errors import Conflict
from dangjian.core.permissions import require

from ..models import Milestone, Task, TaskStatus
from . import transitions

EDITABLE = {"due_on", "leader", "co_units", "report_cycle", "report_day", "targets"}


def locked(task: Task, version: int | None) -> Task:
    """The task, row-locked; a write that read an older version is a conflict."""
    current = Task.objects.select_for_update().select_related("lead_unit", "plan").get(
        pk=task.pk)
    if version is not None and version != current.version:
        raise Conflict()
    return current


def task_update(*, actor: User, task: Task, version: int, **changes: Any) -> Task:
    """The deploying side adjusts a task; moving an overdue deadline later reopens it."""
    require(actor, "tasks.plan", task.plan.organization)
    if set(changes) - EDITABLE:
        raise ValidationError("只能修改完成时限、责任领导、配合单位、报送周期、报送截止日和目标")
    if "report_day" in changes and not 1 <= int(changes["report_day"]) <= 28:
        raise ValidationError({"report_day": "报送截止日应在1至28日之间"})
    co_units = changes.pop("co_units", None)
    with transaction.atomic():
        task = locked(task, version)
        if not task.is_open:
            raise ValidationError(f"“{task.status}”的任务不能修改")
        before = {k: getattr(getattr(task, k), "pk", getattr(task, k)) for k in changes}
        for name, value in changes.items():
            setattr(task, name, value)
        if task.status == TaskStatus.OVERDUE and task.due_on >= timezone.localdate():
            transitions.move(task, TaskStatus.IN_PROGRESS if task.reports.exists()
                             else TaskStatus.NOT_STARTED)
        task.version += 1
        task.save()
        if co_units is not None:
            task.co_units.set([u for u in co_units if u.pk != task.lead_unit_id])
        record(actor=actor, action="task.update", target=task, before=before,
               after={k: getattr(v, "pk", v) for k, v in changes.items()})
    return task


def milestone_add(*, actor: User, task: Task, title: str, due_on: date) -> Milestone:
    require(actor, "tasks.plan", task.plan.organization)
    if not title.strip():
        raise ValidationError({"title": "节点名称不能为空"})
    if due_on > task.due_on:
        raise ValidationError({"due_on": "节点时限不能晚于任务完成时限"})
    with transaction.atomic():
        milestone = Milestone.objects.create(task=task, title=title.strip(), due_on=due_on)
        record(actor=actor, action="task.milestone", target=task,
               after={"title": milestone.title, "due_on": due_on})
    return milestone


def task_mark_overdue(*, task: Task, today: date) -> bool:
    """The daily job's move: an open task past its deadline becomes 逾期. True if it moved."""
    with transaction.atomic():
        task = locked(task, None)
        if task.status not in (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS):
            return False
        if task.due_on >= today:
            return False
        transitions.move(task, TaskStatus.OVERDUE)
        task.version += 1
        task.save(update_fields=["status", "version"])
        record(actor=None, action="task.overdue", target=task, after={"due_on": task.due_on})
    return True
