"""民主生活会 of a leading group, one stage at a time (``models.LifeMeetingStage``):

    方案 (create) → 征求意见 (opinions) → 谈心谈话 (talks) → 对照检查材料 (materials)
    → 召开会议 (hold) → 整改清单 (rectify) → 向上级报告 (report)

Each stage is taken once, from the stage before it only, under a row lock: a second click, a
stale form or two clerks at once are refused with the stage the meeting is in. Holding the
meeting records it as an orglife meeting (民主生活会, counted by the yearly rule); the
整改清单 writes one finding with its measure per item into the oversight ledger through
``core.crossings`` ("oversight.review_findings": orglife may not import its sibling), inside
the same transaction, so a refused item leaves neither the list nor any finding."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.crossings import call
from dangjian.core.errors import Conflict
from dangjian.core.permissions import require
from dangjian.documents.gbt9704 import DOCUMENT_NUMBER
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..models import HeartTalk, LifeMeeting, MeetingKind, RectificationItem, TalkKind
from ..models import LifeMeetingStage as S
from ..rules import LEADING_GROUPS
from .meetings import meeting_record

# Which stage each step leaves from, and the stage it reaches.
STEPS: dict[str, tuple[str, str, str]] = {  # step → (from, to, Chinese name)
    "opinions": (S.PLANNED, S.OPINIONS, "征求意见"),
    "talks": (S.OPINIONS, S.TALKS, "谈心谈话"),
    "materials": (S.TALKS, S.MATERIALS, "对照检查材料"),
    "hold": (S.MATERIALS, S.HELD, "召开会议"),
    "rectify": (S.HELD, S.RECTIFYING, "整改清单"),
    "report": (S.RECTIFYING, S.REPORTED, "向上级报告"),
}
MAX_ITEMS = 50
TEXT_MAX = 20000


def next_step(meeting: LifeMeeting) -> str | None:
    """The one step the meeting may take now (None once reported)."""
    return next((step for step, (before, _, _) in STEPS.items() if before == meeting.stage),
                None)


def _text(value: str, field: str, label: str, *, required: bool = True) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: f"请填写{label}"})
    if len(value) > TEXT_MAX:
        raise ValidationError({field: f"{label}不能超过{TEXT_MAX}字"})
    return value


def _past(day: date, field: str, label: str, meeting: LifeMeeting | None = None) -> date:
    if day > timezone.localdate():
        raise ValidationError({field: f"{label}不能晚于今天"})
    if meeting is not None and day.year < meeting.year:
        raise ValidationError({field: f"{label}不能早于{meeting.year}年"})
    return day


def life_meeting_create(
    *, actor: User, organization: Organization, year: int, topic: str, planned_on: date,
    plan: str,
) -> LifeMeeting:
    """The 工作方案 of a leading group's yearly 民主生活会."""
    require(actor, "orglife.enter", organization)
    if organization.kind not in LEADING_GROUPS:
        raise ValidationError({"organization": f"民主生活会由党组（党委）领导班子召开，"
                                               f"“{organization.name}”（{organization.kind}）不能召开"})
    today = timezone.localdate()
    if not today.year - 5 <= year <= today.year + 1:
        raise ValidationError({"year": f"年度应在{today.year - 5}年至{today.year + 1}年之间"})
    if planned_on.year not in (year, year + 1):
        raise ValidationError({"planned_on": f"计划召开日期应在{year}年或次年"
                                             "（年度民主生活会可在次年初召开）"})
    topic = _text(topic, "topic", "会议主题")[:200]
    plan = _text(plan, "plan", "工作方案")
    duplicate = f"“{organization.name}”{year}年度民主生活会已经建立，不能重复建立"
    if LifeMeeting.objects.filter(organization=organization, year=year).exists():
        raise ValidationError({"year": duplicate})
    with transaction.atomic():
        try:
            with transaction.atomic():
                meeting = LifeMeeting.objects.create(
                    organization=organization, year=year, topic=topic, planned_on=planned_on,
                    plan=plan, created_by=actor if getattr(actor, "pk", None) else None)
        except IntegrityError as exc:
            raise ValidationError({"year": duplicate}) from exc
        record(actor=actor, action="life_meeting.create", target=meeting, after={
            "organization": organization.pk, "year": year, "planned_on": planned_on,
            "stage": meeting.stage})
    return meeting


def _step(actor: User, meeting: LifeMeeting, step: str, version: int | None) -> LifeMeeting:
    """The meeting, locked, checked to be where ``step`` leaves from (else refused)."""
    require(actor, "orglife.enter", meeting.organization)
    before, _, name = STEPS[step]
    locked = LifeMeeting.objects.select_for_update().select_related("organization").get(
        pk=meeting.pk)
    if version is not None and version != locked.version:
        raise Conflict()
    if locked.stage != before:
        raise ValidationError(f"该民主生活会当前阶段为“{locked.stage}”，不能进行“{name}”"
                              f"（应在“{before}”之后）")
    return locked


def _advance(actor: User, meeting: LifeMeeting, step: str, fields: list[str],
             after: dict[str, Any]) -> LifeMeeting:
    before, to, _ = STEPS[step]
    meeting.stage = to
    meeting.version += 1
    meeting.save(update_fields=["stage", "version", *fields])
    record(actor=actor, action=f"life_meeting.{step}", target=meeting,
           before={"stage": before}, after={"stage": to, **after})
    return meeting


def life_meeting_opinions(*, actor: User, meeting: LifeMeeting, opinions_on: date, count: int,
                          opinions: str, version: int | None = None) -> LifeMeeting:
    """征求意见: when, how many opinions were gathered, and their gist."""
    text = _text(opinions, "opinions", "征求意见情况")
    if count < 0 or count > 10000:
        raise ValidationError({"count": "征求意见条数应在0至10000之间"})
    with transaction.atomic():
        meeting = _step(actor, meeting, "opinions", version)
        meeting.opinions_on = _past(opinions_on, "opinions_on", "征求意见日期", meeting)
        meeting.opinions_count, meeting.opinions = count, text
        return _advance(actor, meeting, "opinions",
                        ["opinions_on", "opinions_count", "opinions"],
                        {"opinions_on": opinions_on, "count": count})


def life_meeting_talks(*, actor: User, meeting: LifeMeeting, talks: Sequence[HeartTalk],
                       version: int | None = None) -> LifeMeeting:
    """谈心谈话: take in the 民主生活会前 talks of the group held for this meeting (at least
    one; each only once, and not another meeting's)."""
    if not talks:
        raise ValidationError({"talks": "请选择民主生活会前开展的谈心谈话（至少1次）"})
    with transaction.atomic():
        meeting = _step(actor, meeting, "talks", version)
        ids = sorted({t.pk for t in talks})
        rows = list(HeartTalk.objects.select_for_update().filter(pk__in=ids))
        wrong = [str(t) for t in rows if t.organization_id != meeting.organization_id
                 or t.kind != TalkKind.BEFORE_LIFE_MEETING
                 or t.life_meeting_id not in (None, meeting.pk)
                 or t.year not in (meeting.year, meeting.year + 1)]
        if wrong or len(rows) != len(ids):
            raise ValidationError({"talks": "只能选择本领导班子该年度、类型为“民主生活会前”且未纳入"
                                            f"其他民主生活会的谈心谈话：{'；'.join(wrong)}"})
        HeartTalk.objects.filter(pk__in=ids).update(life_meeting=meeting)
        meeting.talks_on = max(t.held_on for t in rows)
        return _advance(actor, meeting, "talks", ["talks_on"], {"talks": ids})


def life_meeting_materials(*, actor: User, meeting: LifeMeeting, materials_on: date,
                           materials: str, version: int | None = None) -> LifeMeeting:
    """对照检查材料: the team's (and each member's) 对照检查 written."""
    text = _text(materials, "materials", "对照检查材料")
    with transaction.atomic():
        meeting = _step(actor, meeting, "materials", version)
        meeting.materials_on = _past(materials_on, "materials_on", "材料形成日期", meeting)
        meeting.materials = text
        return _advance(actor, meeting, "materials", ["materials_on", "materials"],
                        {"materials_on": materials_on})


def life_meeting_hold(
    *, actor: User, meeting: LifeMeeting, held_on: date, attendees: Sequence[Person],
    absentees: Sequence[tuple[Person, str]] = (), place: str = "", minutes: str = "",
    version: int | None = None,
) -> LifeMeeting:
    """召开会议: recorded as the group's 民主生活会 meeting (attendance checked as every
    meeting's), which the yearly rule counts."""
    with transaction.atomic():
        meeting = _step(actor, meeting, "hold", version)
        _past(held_on, "held_on", "会议日期", meeting)
        if meeting.materials_on and held_on < meeting.materials_on:
            raise ValidationError({"held_on": "会议日期不能早于对照检查材料形成日期"})
        record_ = meeting_record(
            actor=actor, organization=meeting.organization, kind=MeetingKind.DEMOCRATIC_LIFE,
            held_on=held_on, topic=meeting.topic, attendees=attendees, absentees=absentees,
            place=place, minutes=minutes)
        meeting.meeting = record_
        return _advance(actor, meeting, "hold", ["meeting"],
                        {"meeting": record_.pk, "held_on": held_on})


def life_meeting_rectify(*, actor: User, meeting: LifeMeeting, items: Sequence[dict[str, Any]],
                         rectified_on: date | None = None,
                         version: int | None = None) -> LifeMeeting:
    """整改清单: each item (problem, category, severity, measure, owner, due_on, criterion)
    is kept here and becomes a finding with its measure in the oversight ledger."""
    if not items:
        raise ValidationError({"items": "整改清单至少应有1项"})
    if len(items) > MAX_ITEMS:
        raise ValidationError({"items": f"整改清单一次最多{MAX_ITEMS}项"})
    errors: dict[str, str] = {}
    for n, item in enumerate(items, 1):
        for key, label in (("problem", "查摆问题"), ("measure", "整改措施"),
                           ("criterion", "完成标准"), ("category", "问题类别"),
                           ("severity", "严重程度")):
            if not str(item.get(key) or "").strip():
                errors.setdefault("items", f"第{n}项：请填写{label}")
        if len(str(item.get("criterion") or "")) > 200:
            errors.setdefault("items", f"第{n}项：完成标准不能超过200字")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        meeting = _step(actor, meeting, "rectify", version)
        held_on = meeting.meeting.held_on if meeting.meeting else timezone.localdate()
        for n, item in enumerate(items, 1):
            if item["due_on"] < held_on:
                raise ValidationError({"items": f"第{n}项：完成时限不能早于会议日期"})
        ids = call("oversight.review_findings", actor=actor, organization=meeting.organization,
                   discovered_on=held_on, items=items, reference=f"{meeting}整改清单")
        RectificationItem.objects.bulk_create([
            RectificationItem(life_meeting=meeting, number=n, problem=item["problem"].strip(),
                              category=item["category"], severity=item["severity"],
                              measure=item["measure"].strip(), owner=item["owner"],
                              due_on=item["due_on"], criterion=item["criterion"].strip(),
                              finding_id=finding)
            for n, (item, finding) in enumerate(zip(items, ids, strict=True), 1)])
        meeting.rectified_on = _past(rectified_on or timezone.localdate(), "rectified_on",
                                     "整改清单形成日期", meeting)
        if rectified_on is not None and rectified_on < held_on:
            raise ValidationError({"rectified_on": "整改清单形成日期不能早于会议日期"})
        return _advance(actor, meeting, "rectify", ["rectified_on"],
                        {"items": len(items), "findings": ids})


def life_meeting_report(*, actor: User, meeting: LifeMeeting, reported_on: date,
                        reported_to: str, number: str,
                        version: int | None = None) -> LifeMeeting:
    """向上级报告: the report (``orglife.documents``, GB/T 9704) sent on ``reported_on`` under
    the 文号 ``number``."""
    to = _text(reported_to, "reported_to", "报送单位")[:100]
    number = number.strip()
    if not DOCUMENT_NUMBER.search(number) or len(number) > 50:
        raise ValidationError({"number": "报告文号格式不正确：应如“财党组〔2026〕3号”，"
                                         "年份用六角括号〔〕"})
    with transaction.atomic():
        meeting = _step(actor, meeting, "report", version)
        meeting.reported_on = _past(reported_on, "reported_on", "报告日期", meeting)
        if meeting.rectified_on and reported_on < meeting.rectified_on:
            raise ValidationError({"reported_on": "报告日期不能早于整改清单形成日期"})
        meeting.reported_to, meeting.report_number = to, number
        return _advance(actor, meeting, "report", ["reported_on", "reported_to",
                                                   "report_number"],
                        {"reported_on": reported_on, "reported_to": to, "number": number})


def review_terms() -> dict[str, list[str]]:
    """The categories and severities the oversight ledger offers a 整改 item."""
    terms: dict[str, list[str]] = call("oversight.review_terms")
    return terms
