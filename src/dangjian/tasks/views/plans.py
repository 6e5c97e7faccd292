"""A plan's pages: create from text or file, review the proposals, confirm, see revisions."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.core.actions import action, picked, scoped
from dangjian.core.forms import Inputs
from dangjian.orgs.models import Organization

from .. import selectors
from ..models import Plan, Proposal, RevisionStatus, Task
from ..services import plans as plan_services
from ..services import proposals as proposal_services
from ..services import tasks as task_services
from ..services.confirm import COMPARED, ReviewedItem, past_due, plan_confirm

PLAN_FIELDS = {"organization": "部署单位", "kind": "类型", "year": "年度", "title": "标题",
               "text": "全文", "file": "文件"}
REVISE_FIELDS = {"text": "修订后的全文", "file": "文件"}
MILESTONE_FIELDS = {"task": "任务", "title": "节点", "due_on": "节点时限"}
PROPOSAL_FIELDS = {"title": "任务", "text": "内容", "lead_unit": "牵头单位", "leader": "责任领导",
                   "due_on": "完成时限", "co_units": "配合单位", "targets": "量化目标"}
ASSIGN_FIELDS = {"proposals": "勾选的任务", "lead_unit": "牵头单位", "leader": "责任领导",
                 "due_on": "完成时限"}
CONFIRM_FIELDS = {"accept_past_due": "完成时限已过，仍然确认", "items": "任务建议"}


def _year(raw: str | None) -> int:
    if not (raw or "").isdecimal():
        raise ValidationError("年度应为四位数字")
    return int(raw or 0)


@action("plan", back="tasks:plan-new", labels=PLAN_FIELDS)
def plan_new(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    inputs = Inputs(request, PLAN_FIELDS)
    organization = inputs.picked(Organization, "organization")
    year = inputs.read("year", _year, inputs.text("year"))
    inputs.check()
    plan = plan_services.plan_create(
        actor=actor_of(request), organization=organization,
        kind=post.get("kind", ""), year=year, title=post.get("title", ""),
        text=post.get("text") or None, upload=request.FILES.get("file"))
    count = plan.revisions.get().proposals.count()
    return (f"已识别出{count}条任务建议，请逐条审核后确认",
            reverse("tasks:review", kwargs={"pk": plan.pk}))


@action("revise-{pk}", back="tasks:plan-revise", back_kwargs=("pk",), labels=REVISE_FIELDS)
def plan_revise(request: HttpRequest, pk: int) -> tuple[str, str]:
    plan = scoped(Plan, request, pk)
    revision = plan_services.plan_revise(actor=actor_of(request), plan=plan,
                                         text=request.POST.get("text") or None,
                                         upload=request.FILES.get("file"))
    return (f"已上传第{revision.number}版，请审核后确认",
            reverse("tasks:review", kwargs={"pk": plan.pk}))


def changes_in_words(changes: dict[str, Any], titles: dict[int, str]) -> list[str]:
    """"新增：…", "调整：…（完成时限、牵头单位）", "撤销：…" for the revision list."""
    lines = [f"新增：{titles.get(pk, pk)}" for pk in changes.get("added", [])]
    lines += [f"调整：{titles.get(c['task'], c['task'])}（{'、'.join(c['fields'])}）"
              for c in changes.get("changed", [])]
    lines += [f"撤销：{titles.get(pk, pk)}" for pk in changes.get("withdrawn", [])]
    return lines


@action("milestone-{pk}", back="tasks:milestone-new", back_kwargs=("pk",),
        labels=MILESTONE_FIELDS)
def milestone_new(request: HttpRequest, pk: int) -> tuple[str, str]:
    plan = scoped(Plan, request, pk)
    inputs = Inputs(request, MILESTONE_FIELDS)
    task = inputs.picked(Task, "task")
    if task is not None and task.plan_id != plan.pk:
        inputs.refuse("task", "所选任务不属于该部署")
    title, due_on = inputs.text("title"), inputs.date("due_on")
    inputs.check()
    assert due_on is not None  # refused by check() otherwise
    milestone = task_services.milestone_add(actor=actor_of(request), task=task, title=title,
                                            due_on=due_on)
    return (f"已为“{task.title}”添加节点：{milestone.title}",
            reverse("tasks:plan_detail", kwargs={"pk": plan.pk}))


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """The draft's proposals, each editable, with the units and leaders to choose from."""
    plan = scoped(Plan, request, pk)
    revision = plan.revisions.filter(status=RevisionStatus.DRAFT).first()
    if revision is None:
        raise Http404("该部署没有待审核的版本")
    proposals = list(revision.proposals.select_related("lead_unit", "leader", "task")
                     .prefetch_related("co_units"))
    for proposal in proposals:
        parts = proposal_services.sentences(proposal.text)
        proposal.sentences = [(n, s[:16]) for n, s in enumerate(parts, 1)][1:]  # type: ignore[attr-defined]
        proposal.co_unit_ids = {u.pk for u in proposal.co_units.all()}  # type: ignore[attr-defined]
    return render(request, "tasks/review.html", {
        "plan": plan, "revision": revision, "proposals": proposals,
        "kept": sum(not p.dropped for p in proposals),
        "units": selectors.unit_choices(request.user),
        "leaders": selectors.leaders_for(request.user),
        "compared": COMPARED, "drafts": request.session.get("drafts", {}),
        "past_due": past_due([ReviewedItem.of(p) for p in proposals if not p.dropped],
                             timezone.localdate()),
    })


def _proposal(request: HttpRequest, pk: int) -> Proposal:
    proposal = Proposal.objects.select_related("revision__plan").filter(pk=pk).first()
    if proposal is None:
        raise Http404("没有这条任务建议")
    scoped(Plan, request, proposal.revision.plan_id)  # 404 outside the user's scope
    return proposal


def _leader(request: HttpRequest, pk: str | None) -> Any:
    if not pk:
        return None
    found = selectors.leaders_for(request.user).filter(pk=pk).first() if pk.isdecimal() else None
    if found is None:
        raise ValidationError("所选责任领导不存在，或不在您的范围内")
    return found


def _unit(request: HttpRequest, pk: str | None) -> Organization | None:
    return picked(Organization, request, pk, "unit") if pk else None


@action("proposal-{pk}", back="tasks:review", back_kwargs=(("pk", "plan"),),
        labels=PROPOSAL_FIELDS)
def proposal_save(request: HttpRequest, plan: int, pk: int) -> str:
    post = request.POST
    proposal = _proposal(request, pk)
    inputs = Inputs(request, PROPOSAL_FIELDS)
    changes: dict[str, Any] = {
        "title": inputs.text("title"), "text": post.get("text", ""),
        "lead_unit": inputs.read("lead_unit", _unit, request, post.get("lead_unit")),
        "co_units": [inputs.read("co_units", _unit, request, u)
                     for u in post.getlist("co_units") if u],
        "due_on": inputs.date("due_on", required=False),
        "targets": [t.strip() for t in post.get("targets", "").splitlines() if t.strip()],
    }
    # A leader left empty, or left as it was while the unit changed: the new unit's 分管
    # leader is proposed (services.proposals.proposal_update).
    unit_changed = changes["lead_unit"] != proposal.lead_unit
    untouched = post.get("leader") == str(proposal.leader_id or "")
    if post.get("leader") and not (unit_changed and untouched):
        changes["leader"] = inputs.read("leader", _leader, request, post.get("leader"))
    inputs.check()
    proposal_services.proposal_update(actor=actor_of(request), proposal=proposal, **changes)
    return f"已保存：{proposal.title}"


PROPOSAL_VERBS = {"drop", "restore", "merge", "split"}


@action("proposal-act-{pk}", back="tasks:review", back_kwargs=(("pk", "plan"),))
def proposal_act(request: HttpRequest, plan: int, pk: int, verb: str) -> str:
    if verb not in PROPOSAL_VERBS:
        raise Http404("没有这个操作")
    proposal = _proposal(request, pk)
    if verb in ("drop", "restore"):
        proposal_services.proposal_drop(actor=actor_of(request), proposal=proposal,
                                        dropped=verb == "drop")
        return f"已{'删除' if verb == 'drop' else '恢复'}：{proposal.title}"
    if verb == "merge":
        proposal_services.proposal_merge(actor=actor_of(request), proposal=proposal)
        return f"已将下一条并入：{proposal.title}"
    at = request.POST.get("at", "")
    second = proposal_services.proposal_split(actor=actor_of(request), proposal=proposal,
                                              at=int(at) - 1 if at.isdecimal() else 0)
    return f"已拆分出：{second.title}"


@action("assign", back="tasks:review", back_kwargs=(("pk", "plan"),), labels=ASSIGN_FIELDS)
def proposals_assign(request: HttpRequest, plan: int) -> str:
    post = request.POST
    revision = scoped(Plan, request, plan).revisions.filter(status=RevisionStatus.DRAFT).first()
    if revision is None:
        raise ValidationError("该部署没有待审核的版本")
    chosen = revision.proposals.filter(dropped=False)
    if post.get("all") != "1":
        chosen = chosen.filter(pk__in=[int(pk) for pk in post.getlist("proposals")
                                       if pk.isdecimal()])
    inputs = Inputs(request, ASSIGN_FIELDS)
    lead_unit = inputs.read("lead_unit", _unit, request, post.get("lead_unit"))
    leader = inputs.read("leader", _leader, request, post.get("leader"))
    due_on = inputs.date("due_on", required=False)
    inputs.check()
    count = proposal_services.proposals_assign(
        actor=actor_of(request), revision=revision, proposals=list(chosen),
        lead_unit=lead_unit, leader=leader, due_on=due_on)
    return f"已为{count}条任务批量指定"


@action("confirm", back="tasks:review", back_kwargs=(("pk", "plan"),), labels=CONFIRM_FIELDS)
def confirm(request: HttpRequest, plan: int) -> tuple[str, str]:
    found = scoped(Plan, request, plan)
    revision = plan_confirm(actor=actor_of(request), plan=found,
                            accept_past_due=request.POST.get("accept_past_due") == "on")
    changes = revision.changes
    summary = (f"新增{len(changes['added'])}项，调整{len(changes['changed'])}项，"
               f"撤销{len(changes['withdrawn'])}项")
    return (f"已确认第{revision.number}版：{summary}",
            reverse("tasks:plan_detail", kwargs={"pk": found.pk}))

