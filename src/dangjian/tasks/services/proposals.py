"""The reviewer's edits of a draft: change, drop, merge, split, assign units and leaders.

Nothing here touches tasks; only confirming the revision does (services/confirm.py).
"""

import re
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..matching import charged_leader
from ..models import PlanRevision, Proposal, RevisionStatus

SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
EDITABLE = {"title", "text", "lead_unit", "co_units", "leader", "due_on", "targets"}


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.findall(text) if s.strip()]


def _editable(actor: User, revision: PlanRevision) -> None:
    require(actor, "tasks.plan", revision.plan.organization)
    if revision.status != RevisionStatus.DRAFT:
        raise ValidationError("该版本已确认，不能再修改任务建议")


def _snapshot(proposal: Proposal) -> dict[str, Any]:
    return {"title": proposal.title, "lead_unit": proposal.lead_unit_id,
            "leader": proposal.leader_id, "due_on": proposal.due_on,
            "co_units": sorted(u.pk for u in proposal.co_units.all()),
            "dropped": proposal.dropped}


def proposal_update(*, actor: User, proposal: Proposal, **changes: Any) -> Proposal:
    """Edit one proposal. A new lead unit without a named leader brings its 分管 leader."""
    _editable(actor, proposal.revision)
    if set(changes) - EDITABLE:
        raise ValidationError("只能修改任务、内容、牵头单位、配合单位、责任领导、完成时限和目标")
    if "title" in changes and not str(changes["title"]).strip():
        raise ValidationError({"title": "任务名称不能为空"})
    co_units: list[Organization] | None = changes.pop("co_units", None)
    with transaction.atomic():
        before = _snapshot(proposal)
        for name, value in changes.items():
            setattr(proposal, name, value.strip() if isinstance(value, str) else value)
        if "lead_unit" in changes and "leader" not in changes:
            proposal.leader = charged_leader(proposal.lead_unit) or proposal.leader
        proposal.save()
        if co_units is not None:
            proposal.co_units.set([u for u in co_units if u.pk != proposal.lead_unit_id])
        record(actor=actor, action="proposal.update", target=proposal, before=before,
               after=_snapshot(proposal))
    return proposal


def proposal_drop(*, actor: User, proposal: Proposal, dropped: bool = True) -> Proposal:
    """Not a task (an introduction the parser took for an item), or back again."""
    _editable(actor, proposal.revision)
    with transaction.atomic():
        proposal.dropped = dropped
        proposal.save(update_fields=["dropped"])
        record(actor=actor, action="proposal.drop", target=proposal, after={"dropped": dropped})
    return proposal


def proposal_merge(*, actor: User, proposal: Proposal) -> Proposal:
    """Fold the next kept proposal into this one: one task where the parser saw two."""
    revision = proposal.revision
    _editable(actor, revision)
    following = revision.proposals.filter(position__gt=proposal.position, dropped=False).first()
    if following is None:
        raise ValidationError("这是最后一条任务建议，没有可合并的下一条")
    with transaction.atomic():
        proposal.text = f"{proposal.text}{following.text}"
        proposal.owners = _union(proposal.owners, following.owners)
        proposal.targets = _union(proposal.targets, following.targets)
        proposal.suggestions = [*proposal.suggestions, *following.suggestions]
        proposal.deadline = proposal.deadline or following.deadline
        if following.due_on and (proposal.due_on is None or following.due_on > proposal.due_on):
            proposal.due_on = following.due_on  # the merged task ends when both parts do
        proposal.lead_unit = proposal.lead_unit or following.lead_unit
        proposal.leader = proposal.leader or following.leader
        proposal.reason = {**proposal.reason, "merged": True,
                           "note": f"{proposal.reason.get('note') or '审核时'}；已与下一条合并"}
        proposal.save()
        proposal.co_units.add(*[u for u in following.co_units.all()
                                if u.pk != proposal.lead_unit_id])
        record(actor=actor, action="proposal.merge", target=proposal,
               after={"merged": following.pk, "title": following.title})
        following.delete()
    return proposal


def proposal_split(*, actor: User, proposal: Proposal, at: int) -> Proposal:
    """Cut the text before sentence ``at`` (1-based, >1): the rest becomes the next proposal."""
    _editable(actor, proposal.revision)
    parts = sentences(proposal.text)
    if not 1 <= at < len(parts):
        raise ValidationError({"at": f"请选择从第2至第{len(parts)}句之间拆分" if len(parts) > 1
                               else "这条任务只有一句，无法拆分"})
    head, tail = "".join(parts[:at]), "".join(parts[at:])
    with transaction.atomic():
        proposal.revision.proposals.filter(position__gt=proposal.position).update(
            position=F("position") + 1)
        proposal.text = head
        proposal.save(update_fields=["text"])
        second = Proposal.objects.create(
            revision=proposal.revision, position=proposal.position + 1, path=proposal.path,
            title=_title_of(tail), text=tail, lead_unit=proposal.lead_unit,
            leader=proposal.leader, due_on=proposal.due_on, reason=SPLIT_REASON)
        second.co_units.set(proposal.co_units.all())
        record(actor=actor, action="proposal.split", target=proposal,
               after={"at": at, "new": second.pk})
    return second


def proposals_assign(
    *, actor: User, revision: PlanRevision, proposals: list[Proposal],
    lead_unit: Organization | None = None, leader: Person | None = None,
    due_on: date | None = None,
) -> int:
    """Give several proposals the same lead unit, leader or deadline at once."""
    _editable(actor, revision)
    if any(p.revision_id != revision.pk for p in proposals):
        raise ValidationError("所选任务建议不属于该版本")
    if not proposals:
        raise ValidationError("请先勾选要批量指定的任务")
    if lead_unit is None and leader is None and due_on is None:
        raise ValidationError("请至少选择牵头单位、责任领导或完成时限之一")
    changes: dict[str, Any] = {}
    if lead_unit is not None:
        changes["lead_unit"] = lead_unit
    if leader is not None:
        changes["leader"] = leader
    if due_on is not None:
        changes["due_on"] = due_on
    with transaction.atomic():
        for proposal in proposals:
            proposal_update(actor=actor, proposal=proposal, **changes)
    return len(proposals)


# The reason a split-off proposal carries: the reviewer, not the parser, cut it.
SPLIT_REASON = {"kind": "split", "cue": "", "label_line": "", "note": "审核时从上一条拆分",
                "needs_review": False}


def _union(first: list[str], second: list[str]) -> list[str]:
    return [*first, *[x for x in second if x not in first]]


def _title_of(text: str) -> str:
    """The lead phrase of split-off text: its first sentence or clause, as the parser does."""
    first = re.split(r"[。；，,]", text.strip(), maxsplit=1)[0]
    return first.removeprefix("要").strip()[:200] or text.strip()[:40]
