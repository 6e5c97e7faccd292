"""A speech or plan pasted or uploaded → a draft revision of proposed tasks, for review.

The outline parser does the reading; this module adds what only the platform knows: which
units and leaders the parties named in the text are, a due date for each item, and, for a
revision, which earlier task each item continues.
"""

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization

from ..deadlines import suggested_due
from ..matching import Matcher, charged_leader
from ..models import (
    Plan,
    PlanKind,
    PlanRevision,
    Proposal,
    RevisionStatus,
    Task,
    TaskStatus,
)
from ..outline import OutlineError, OutlineItem, parse_outline
from ..selectors import unit_choices
from .uploads import document_text

TITLE_WORDS = re.compile(r"讲话|要点|方案|意见|通知|计划|安排")
MAX_TEXT_CHARS = 200_000  # a long 实施方案 is 30,000 characters; more is not a plan


def source_text(*, text: str | None, upload: UploadedFile | None, actor: User | None = None
                ) -> tuple[str, str]:
    """(text, source name) from pasted text or an uploaded .docx/.txt; exactly one of them."""
    if upload is not None and text:
        raise ValidationError("请粘贴文本或上传文件，二者选其一")
    if upload is not None:
        return document_text(upload, actor=actor), (upload.name or "")[:200]
    if not text or not text.strip():
        raise ValidationError({"text": "文档内容为空"})
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError({"text": f"文本过长：不能超过 {MAX_TEXT_CHARS} 字"})
    return text, ""


def plan_parse(*, text: str | None = None, upload: UploadedFile | None = None,
               actor: User | None = None) -> list[OutlineItem]:
    """The proposed items of a document; nothing is saved (a refused upload is audited)."""
    body, _ = source_text(text=text, upload=upload, actor=actor)
    try:
        return parse_outline(body)
    except OutlineError as error:
        raise ValidationError({"text": str(error)}) from error


def guess_title(text: str) -> str:
    """The document's own title line ("在县政府党组党建推进会上的讲话"), if it has one."""
    for line in text.splitlines()[:40]:
        line = line.strip()
        if 6 <= len(line) <= 50 and TITLE_WORDS.search(line) and not line.endswith("。"):
            return line
    return ""


def plan_create(
    *, actor: User, organization: Organization, kind: str, year: int, title: str = "",
    text: str | None = None, upload: UploadedFile | None = None,
) -> Plan:
    require(actor, "tasks.plan", organization)
    if kind not in PlanKind.values or kind == PlanKind.BREAKDOWN:
        raise ValidationError({"kind": "类型只能是讲话、工作要点或实施方案"})
    _check_year(year)
    body, source = source_text(text=text, upload=upload, actor=actor)
    items = _parsed(body)
    title = (title or guess_title(body) or f"{year}年{kind}").strip()[:200]
    with transaction.atomic():
        plan = Plan.objects.create(organization=organization, title=title, kind=kind, year=year,
                                   created_by=actor)
        revision = _draft(actor, plan, 1, body, source, items)
        record(actor=actor, action="plan.create", target=plan,
               after={"revision": revision.number, "items": len(items), "source": source})
    return plan


def plan_revise(
    *, actor: User, plan: Plan, text: str | None = None, upload: UploadedFile | None = None,
) -> PlanRevision:
    """A new version of the plan's text, proposed against the tasks it already has."""
    require(actor, "tasks.plan", plan.organization)
    body, source = source_text(text=text, upload=upload, actor=actor)
    items = _parsed(body)
    with transaction.atomic():
        Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.revisions.filter(status=RevisionStatus.DRAFT).exists():
            raise ValidationError("该部署还有待审核的版本，请先确认后再上传修订稿")
        number = (plan.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
        revision = _draft(actor, plan, number, body, source, items)
        record(actor=actor, action="plan.revise", target=plan,
               after={"revision": number, "items": len(items), "source": source})
    return revision


def _check_year(year: int) -> None:
    if not 2000 <= year <= timezone.localdate().year + 5:
        raise ValidationError({"year": "年度不正确"})


def _parsed(body: str) -> list[OutlineItem]:
    try:
        return parse_outline(body)
    except OutlineError as error:
        raise ValidationError({"text": str(error)}) from error


def _draft(actor: User, plan: Plan, number: int, body: str, source: str,
           items: list[OutlineItem]) -> PlanRevision:
    revision = PlanRevision.objects.create(plan=plan, number=number, text=body,
                                           source_name=source, created_by=actor)
    matcher = Matcher(unit_choices(actor))
    earlier = _Earlier(plan)
    for position, item in enumerate(items, 1):
        _propose(revision, position, item, matcher, earlier.claim(item), plan.year)
    return revision


class _Earlier:
    """The plan's live tasks, each claimed by at most one item of the new version: by equal
    title first (the surest sign), else by equal outline path."""

    def __init__(self, plan: Plan) -> None:
        self.keyed: dict[tuple[str, Any], Task] = {}
        for task in plan.tasks.exclude(status=TaskStatus.WITHDRAWN).order_by("number"):
            self.keyed.setdefault(("title", task.title), task)
            self.keyed.setdefault(("path", tuple(task.path)), task)
        self.claimed: set[int] = set()

    def claim(self, item: OutlineItem) -> Task | None:
        for key in (("title", item.title), ("path", tuple(item.path))):
            task = self.keyed.get(key)
            if task is not None and task.pk not in self.claimed:
                self.claimed.add(task.pk)
                return task
        return None


def _propose(revision: PlanRevision, position: int, item: OutlineItem, matcher: Matcher,
             task: Task | None, year: int) -> Proposal:
    matches = matcher.suggest(item.owners)
    units = [unit for m in matches for unit in m.organizations]
    persons = [person for m in matches for person, _ in m.persons]
    lead = units[0] if units else (task.lead_unit if task else None)
    if len(persons) == 1:
        leader = persons[0]
    elif task is not None and lead == task.lead_unit:
        leader = task.leader
    else:
        leader = charged_leader(lead)
    keep_due = task is not None and not item.deadline
    proposal = Proposal.objects.create(
        revision=revision, position=position, path=list(item.path), title=item.title[:200],
        text=item.text, owners=list(item.owners), deadline=(item.deadline or "")[:60],
        targets=list(item.targets), suggestions=[m.as_dict() for m in matches],
        reason=item.reason.as_dict(),
        lead_unit=lead, leader=leader, task=task,
        due_on=task.due_on if keep_due and task else suggested_due(item.deadline, year=year),
    )
    if units[1:]:
        proposal.co_units.set(units[1:])
    elif task is not None and not units:
        proposal.co_units.set(task.co_units.all())
    return proposal
