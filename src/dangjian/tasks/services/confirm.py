"""Confirming a reviewed draft: the proposals become tasks, or, for a revision, the plan's
tasks are added, changed or withdrawn, and the revision keeps the list of what changed."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.selectors import user_of, users_covering
from dangjian.audit.services import record
from dangjian.core.links import desk_link, record_link
from dangjian.core.permissions import require
from dangjian.notifications.services import notify
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..models import (
    Milestone,
    Plan,
    PlanRevision,
    Proposal,
    ReportCycle,
    RevisionStatus,
    Task,
    TaskStatus,
)
from ..rules import local_settings
from . import transitions

# Fields a revision compares, with the words the change list shows.
COMPARED = {"title": "任务", "text": "内容", "lead_unit": "牵头单位", "co_units": "配合单位",
            "leader": "责任领导", "due_on": "完成时限", "targets": "目标",
            "report_cycle": "报送周期", "report_day": "报送截止日"}


@dataclass
class ReviewedItem:
    """One task as the reviewer settled it (from the page's proposals or the API body)."""

    title: str
    lead_unit: Organization | None
    leader: Person | None
    due_on: date | None
    text: str = ""
    path: list[str] = field(default_factory=list)
    co_units: list[Organization] = field(default_factory=list)
    deadline: str = ""
    targets: list[str] = field(default_factory=list)
    task: Task | None = None  # the earlier task this item continues (revisions)
    report_cycle: str = ReportCycle.MONTHLY
    report_day: int | None = None
    milestones: list[tuple[str, date]] | None = None  # None: keep what the task has

    @classmethod
    def of(cls, proposal: Proposal) -> "ReviewedItem":
        return cls(title=proposal.title, lead_unit=proposal.lead_unit, leader=proposal.leader,
                   due_on=proposal.due_on, text=proposal.text, path=list(proposal.path),
                   co_units=list(proposal.co_units.all()), deadline=proposal.deadline,
                   targets=list(proposal.targets), task=proposal.task,
                   report_cycle=proposal.task.report_cycle if proposal.task else
                   ReportCycle.MONTHLY,
                   report_day=proposal.task.report_day if proposal.task else None)


def plan_confirm(*, actor: Any, plan: Plan, items: list[ReviewedItem] | None = None,
                 accept_past_due: bool = False) -> PlanRevision:
    """Confirm the draft revision; ``items`` replace the stored proposals when given.

    A deadline already past (a "十一期间" read as last October) would make a task born red:
    it is refused with the list of such items unless ``accept_past_due`` says the planner
    has seen them and confirms anyway."""
    require(actor, "tasks.plan", plan.organization)
    with transaction.atomic():
        revision = (PlanRevision.objects.select_for_update()
                    .filter(plan=plan, status=RevisionStatus.DRAFT).first())
        if revision is None:
            raise ValidationError("该部署没有待确认的版本")
        if items is None:
            items = [ReviewedItem.of(p) for p in revision.proposals.filter(dropped=False)]
        _validate(plan, items)
        past = past_due(items, timezone.localdate())
        if past and not accept_past_due:
            raise ValidationError({"accept_past_due": (
                "以下任务的完成时限已经过去，确认后将立即亮红灯（逾期）：" + "；".join(past)
                + "。请修改完成时限，或勾选“完成时限已过，仍然确认”后再确认")},
                code="past_due")
        changes = _apply(actor, plan, revision, items)
        revision.status, revision.confirmed_at = RevisionStatus.CONFIRMED, timezone.now()
        revision.changes = changes
        revision.save(update_fields=["status", "confirmed_at", "changes"])
        record(actor=actor, action="plan.confirm", target=plan,
               after={"revision": revision.number, **changes})
        announce_assignments(plan, revision)
    return revision


def past_due(items: list[ReviewedItem], today: date) -> list[str]:
    """The items whose deadline is set before ``today`` (an unchanged one of an earlier
    revision is already known to be late, and is not asked about again)."""
    return [f"第{n}条“{item.title[:20]}”完成时限{item.due_on:%Y-%m-%d}"
            + (f"（文中“{item.deadline}”）" if item.deadline else "")
            for n, item in enumerate(items, 1)
            if item.due_on is not None and item.due_on < today
            and (item.task is None or item.task.due_on != item.due_on)]


def _validate(plan: Plan, items: list[ReviewedItem]) -> None:
    if not items:
        raise ValidationError({"items": "至少要保留一条任务"})
    errors: list[str] = []
    claimed: set[int] = set()
    for n, item in enumerate(items, 1):
        errors += [f"第{n}条“{item.title[:20]}”：{problem}" for problem in _problems(item)]
        if item.task is not None:
            if item.task.plan_id != plan.pk or item.task.status == TaskStatus.WITHDRAWN:
                errors.append(f"第{n}条：对应任务不属于该部署或已撤销")
            elif item.task.pk in claimed:
                errors.append(f"第{n}条：对应任务已被另一条修订项使用")
            claimed.add(item.task.pk)
    if errors:
        raise ValidationError({"items": errors})


def _problems(item: ReviewedItem) -> list[str]:
    problems = []
    if not item.title.strip():
        problems.append("任务名称不能为空")
    if item.lead_unit is None:
        problems.append("未指定牵头单位")
    if item.leader is None:
        problems.append("未指定责任领导")
    if item.due_on is None:
        problems.append("未指定完成时限")
    if item.report_cycle not in ReportCycle.values:
        problems.append("报送周期只能是每月、每季度或不定期")
    if item.report_day is not None and not 1 <= item.report_day <= 28:
        problems.append("报送截止日应在1至28日之间")
    if any(due > item.due_on for _, due in item.milestones or [] if item.due_on):
        problems.append("节点时限不能晚于完成时限")
    return problems


def _apply(actor: Any, plan: Plan, revision: PlanRevision, items: list[ReviewedItem]
           ) -> dict[str, Any]:
    changes: dict[str, Any] = {"added": [], "changed": [], "withdrawn": [], "unchanged": []}
    kept: set[int] = set()
    for number, item in enumerate(items, 1):
        if item.task is None:
            task = _create(plan, revision, number, item)
            kept.add(task.pk)
            changes["added"].append(task.pk)
            record(actor=actor, action="task.create", target=task,
                   after={"plan": plan.pk, "lead_unit": task.lead_unit_id,
                          "leader": task.leader_id, "due_on": task.due_on})
        else:
            fields = _revise(item.task, revision, number, item)
            kept.add(item.task.pk)
            if fields:
                changes["changed"].append({"task": item.task.pk, "fields": fields})
                record(actor=actor, action="task.revise", target=item.task,
                       after={"revision": revision.number, "fields": fields})
            else:
                changes["unchanged"].append(item.task.pk)
    for task in plan.tasks.filter(status__in=[TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS,
                                              TaskStatus.OVERDUE]).exclude(pk__in=kept):
        transitions.move(task, TaskStatus.WITHDRAWN)
        task.changed_in = revision.number
        task.save(update_fields=["status", "changed_in"])
        changes["withdrawn"].append(task.pk)
        record(actor=actor, action="task.withdraw", target=task,
               after={"revision": revision.number})
    return changes


def _values(item: ReviewedItem) -> dict[str, Any]:
    return {"title": item.title.strip()[:200], "text": item.text.strip(),
            "lead_unit": item.lead_unit, "leader": item.leader, "due_on": item.due_on,
            "targets": list(item.targets), "path": list(item.path),
            "deadline_text": item.deadline[:60], "report_cycle": item.report_cycle,
            "report_day": item.report_day or local_settings().report_day}


def _create(plan: Plan, revision: PlanRevision, number: int, item: ReviewedItem) -> Task:
    task = Task.objects.create(plan=plan, number=number, added_in=revision.number,
                               changed_in=revision.number, **_values(item))
    task.co_units.set([u for u in item.co_units if u.pk != task.lead_unit_id])
    for title, due in item.milestones or []:
        Milestone.objects.create(task=task, title=title, due_on=due)
    return task


def _revise(task: Task, revision: PlanRevision, number: int, item: ReviewedItem) -> list[str]:
    """Update the task in place; the names of the fields that changed."""
    values = _values(item)
    co_units = {u.pk for u in item.co_units if u.pk != values["lead_unit"].pk}
    changed = [COMPARED[name] for name, value in values.items()
               if name in COMPARED and getattr(task, name) != value]
    if set(task.co_units.values_list("pk", flat=True)) != co_units:
        changed.append(COMPARED["co_units"])
    if item.milestones is not None:
        task.milestones.filter(done_on__isnull=True).delete()
        for title, due in item.milestones:
            Milestone.objects.create(task=task, title=title, due_on=due)
    for name, value in values.items():
        setattr(task, name, value)
    task.number = number
    if changed:
        task.changed_in = revision.number
        task.version += 1
    _reopen_if_extended(task)
    task.save()
    task.co_units.set(co_units)
    return changed


def _reopen_if_extended(task: Task) -> None:
    """An overdue task whose deadline the revision moved past today is no longer overdue."""
    if task.status == TaskStatus.OVERDUE and task.due_on >= timezone.localdate():
        reported = task.reports.exists()
        transitions.move(task, TaskStatus.IN_PROGRESS if reported else TaskStatus.NOT_STARTED)


def announce_assignments(plan: Plan, revision: PlanRevision) -> None:
    """Each lead unit and each responsible leader hears once per confirmed version."""
    tasks = plan.tasks.filter(changed_in=revision.number).exclude(status=TaskStatus.WITHDRAWN)
    tasks = tasks.select_related("lead_unit", "leader")
    word = "部署" if revision.number == 1 else f"修订（第{revision.number}版）"
    units = {t.lead_unit for t in tasks}
    for unit in units:
        for user in users_covering(unit, {Role.UNIT_CLERK, Role.UNIT_SECRETARY}):
            notify(recipient=user, kind="task.assigned", title=f"新的督办任务：{plan.title}",
                   body=f"《{plan.title}》{word}，{unit.name}牵头的任务已列入督办，请按期报送进展。",
                   dedupe_key=f"plan:{plan.pk}:{revision.number}:unit:{unit.pk}",
                   link=_link([t for t in tasks if t.lead_unit_id == unit.pk]))
    tasks = tasks.prefetch_related("co_units")
    co_units = {u for t in tasks for u in t.co_units.all()} - units
    for unit in co_units:
        for user in users_covering(unit, {Role.UNIT_CLERK, Role.UNIT_SECRETARY}):
            notify(recipient=user, kind="task.assigned", title=f"新的协办任务：{plan.title}",
                   body=f"《{plan.title}》{word}，{unit.name}是其中任务的协办单位，请配合牵头单位推进。",
                   dedupe_key=f"plan:{plan.pk}:{revision.number}:co-unit:{unit.pk}",
                   link=_link([t for t in tasks if unit in t.co_units.all()]))
    for leader in {t.leader for t in tasks}:
        leader_user = user_of(leader)
        if leader_user is not None:
            notify(recipient=leader_user, kind="task.assigned",
                   title=f"您负责的督办任务：{plan.title}",
                   body=f"《{plan.title}》{word}，您是其中任务的责任领导。",
                   dedupe_key=f"plan:{plan.pk}:{revision.number}:leader:{leader.pk}",
                   link=_link([t for t in tasks if t.leader_id == leader.pk]))


def _link(tasks: list[Task]) -> str:
    """One task: its page; several: the desk, which lists them (the plan's page is the
    assigning side's, out of a unit's scope)."""
    return record_link(tasks[0]) if len(tasks) == 1 else desk_link("tasks")
