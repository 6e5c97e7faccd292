"""Recording and withdrawing meetings. Every write keeps the yearly rollup and the audit chain
in the same transaction as the meeting itself.

A meeting cannot be dated in the future, nor before the organisation was founded (when its
founding date is known: ``Organization.founded_on`` is null for older records) or before 1949
(``orgs.rules``).
"""

from collections.abc import Sequence
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.orgs.models import Organization
from dangjian.orgs.rules import check_not_before_founding
from dangjian.people.models import PartyStatus, Person, Post

from ..committees import committee_members
from ..lecturers import in_charge, lecturer_candidates
from ..models import AgendaItem, AgendaTag, Attendance, LectureReach, Meeting, MeetingKind
from ..rules import (
    AGENDA_MAX_ITEMS,
    COMMITTEE_QUORUM_RULE,
    HELD_BY,
    PARTY_GROUP_MEETING,
    QUORUM_RULE,
)
from .rollups import rollup_add, rollup_recount

Absentee = tuple[Person, str]  # the person and the reason given
Agendum = tuple[str, Sequence[AgendaTag]]  # one 议题 of a 党组会议 and its tags


def meeting_record(
    *, actor: User, organization: Organization, kind: str, held_on: date, topic: str,
    attendees: Sequence[Person], absentees: Sequence[Absentee] = (), place: str = "",
    chair: Person | None = None, recorder: Person | None = None, minutes: str = "",
    decisions: str = "", agenda: Sequence[Agendum] = (), lecturer: Person | None = None,
    lecturer_reach: str = "",
) -> Meeting:
    """Record a held meeting with who came and who did not (and why); a 党组会议 with its
    议题 and their tags (``agenda``), a 党课 with its lecturer (``lecturer``, see
    ``orglife.lecturers``)."""
    require(actor, "orglife.enter", organization)
    _check_kind(organization, kind)
    _check_date(organization, held_on)
    if not topic.strip():
        raise ValidationError({"topic": "请填写会议议题"})
    agenda = _check_agenda(kind, agenda)
    _check_lecturer(organization, kind, held_on, lecturer, lecturer_reach)
    if kind == MeetingKind.COMMITTEE:
        absentees = _committee_only(organization, held_on, attendees, absentees)
    _check_people(organization, attendees, absentees, chair, recorder)
    _check_quorum(organization, kind, attendees, held_on, absentees)
    duplicate = _duplicate_message(organization, kind, held_on, topic.strip())
    if Meeting.objects.filter(organization=organization, kind=kind, held_on=held_on,
                              topic=topic.strip()).exists():
        raise ValidationError({"topic": duplicate})
    with transaction.atomic():
        try:
            with transaction.atomic():
                meeting = Meeting.objects.create(
                    organization=organization, kind=kind, held_on=held_on, place=place.strip(),
                    chair=chair, recorder=recorder, topic=topic.strip(), minutes=minutes.strip(),
                    decisions=decisions.strip(), lecturer=lecturer,
                    lecturer_reach=lecturer_reach if lecturer is not None else "",
                    created_by=actor if getattr(actor, "pk", None) else None)
        except IntegrityError as exc:  # the same meeting entered at the same moment
            raise ValidationError({"topic": duplicate}) from exc
        Attendance.objects.bulk_create(
            [_attendance(meeting, person, present=True) for person in attendees]
            + [_attendance(meeting, person, present=False, reason=reason)
               for person, reason in absentees])
        _add_agenda(meeting, agenda)
        rollup_add(meeting=meeting)
        after: dict[str, Any] = {
            "organization": organization.pk, "kind": kind, "held_on": held_on,
            "present": [p.pk for p in attendees], "absent": [p.pk for p, _ in absentees]}
        if agenda:
            after["agenda"] = [[title, sorted(t.key for t in tags)] for title, tags in agenda]
        if lecturer is not None:
            after["lecturer"] = lecturer.pk
        record(actor=actor, action="meeting.record", target=meeting, after=after)
    return meeting


def _check_agenda(kind: str, agenda: Sequence[Agendum]) -> list[Agendum]:
    """A 党组会议 lists its 议题 (at least one, each with a title; tags from the county's
    active list); other meetings carry none."""
    items: list[Agendum] = [(title.strip(), list(dict.fromkeys(tags))) for title, tags in agenda
                            if title.strip() or tags]
    if kind != MeetingKind.PARTY_GROUP:
        if items:
            raise ValidationError({"agenda": "只有党组（党委）会议登记议题清单"})
        return []
    if not items:
        raise ValidationError({"agenda": "请至少填写1个议题（党组（党委）会议按议题登记，"
                                         "并标注全面从严治党、党建工作汇报等标签）"})
    if len(items) > AGENDA_MAX_ITEMS:
        raise ValidationError({"agenda": f"一次会议最多登记{AGENDA_MAX_ITEMS}个议题"})
    for n, (title, tags) in enumerate(items, 1):
        if not title:
            raise ValidationError({"agenda": f"第{n}个议题没有填写内容"})
        if len(title) > 200:
            raise ValidationError({"agenda": f"第{n}个议题超过200字"})
        retired = [t.name for t in tags if not t.active]
        if retired:
            raise ValidationError({"agenda": f"标签“{'、'.join(retired)}”已停用"})
    return items


def _add_agenda(meeting: Meeting, agenda: Sequence[Agendum]) -> None:
    for n, (title, tags) in enumerate(agenda, 1):
        item = AgendaItem.objects.create(meeting=meeting, order=n, title=title)
        item.tags.set(tags)


def _check_lecturer(organization: Organization, kind: str, held_on: date,
                    lecturer: Person | None, reach: str) -> None:
    """Only a 党课 has a lecturer: someone of ``lecturer_candidates``; "分管领域" only for a
    leader in charge of the unit."""
    if lecturer is None:
        return
    if kind != MeetingKind.LECTURE:
        raise ValidationError({"lecturer": "只有党课登记授课人"})
    if reach not in LectureReach.values:
        raise ValidationError({"lecturer_reach": f"没有“{reach}”这种授课人来源"})
    if not lecturer_candidates(organization, held_on).filter(pk=lecturer.pk).exists():
        raise ValidationError({"lecturer": (
            f"{lecturer.name}不能作为“{organization.name}”党课的授课人：授课人应是本组织党员、"
            f"上级党组织成员或分管本单位的领导")})
    if reach == LectureReach.CHARGE and not in_charge(lecturer, organization, held_on):
        raise ValidationError({"lecturer_reach": f"{lecturer.name}不是分管本单位的领导"})


def _duplicate_message(organization: Organization, kind: str, held_on: date, topic: str
                       ) -> str:
    return (f"“{organization.name}”{held_on:%Y年%m月%d日}的{kind}“{topic}”已经登记过，"
            f"不能重复登记（同一会议只计一次）；如确为另一次会议，请在议题中注明区别")


def meeting_delete(*, actor: User, meeting: Meeting, reason: str) -> None:
    """Withdraw a meeting entered by mistake; the reason stays in the audit log."""
    require(actor, "orglife.enter", meeting.organization)
    if not reason.strip():
        raise ValidationError({"reason": "撤销会议记录必须说明理由"})
    files = [a.file for a in meeting.attachments.all()]
    organization_id, kind, year = meeting.organization_id, meeting.kind, meeting.held_on.year
    with transaction.atomic():
        record(actor=actor, action="meeting.delete", target=meeting,
               before={"kind": kind, "held_on": meeting.held_on, "topic": meeting.topic},
               after={"reason": reason.strip()})
        meeting.delete()
        rollup_recount(organization_id=organization_id, kind=kind, year=year)
        transaction.on_commit(lambda: _delete_files(files))  # only once the rows are gone


def _delete_files(files: list[Any]) -> None:
    for file in files:
        file.delete(save=False)


def _attendance(meeting: Meeting, person: Person, *, present: bool, reason: str = ""
                ) -> Attendance:
    return Attendance(meeting=meeting, person=person, present=present,
                      absence_reason=reason.strip()[:100],
                      voting=person.party_status == PartyStatus.FULL_MEMBER)


def _check_kind(organization: Organization, kind: str) -> None:
    if kind not in MeetingKind.values:
        raise ValidationError({"kind": f"没有“{kind}”这种会议类型"})
    if organization.kind not in HELD_BY[kind]:
        allowed = "、".join(sorted(HELD_BY[kind]))
        here = f"“{organization.name}”（{organization.kind}）"
        raise ValidationError({"kind": f"{kind}由{allowed}召开，{here}不能登记"})


def _check_date(organization: Organization, held_on: date) -> None:
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": "会议日期不能晚于今天：只能登记已召开的会议"})
    check_not_before_founding(organization, held_on, field="held_on", label="会议日期")


def _check_people(
    organization: Organization, attendees: Sequence[Person], absentees: Sequence[Absentee],
    chair: Person | None, recorder: Person | None,
) -> None:
    if not attendees:
        raise ValidationError({"attendees": "请勾选到会人员"})
    present = {p.pk for p in attendees}
    absent = [p for p, _ in absentees]
    both = [p.name for p in absent if p.pk in present]
    if both:
        raise ValidationError({"absentees": f"{'、'.join(both)}不能既到会又缺席"})
    everyone = {p.pk: p for p in [*attendees, *absent]}
    # A leading group's members are those kept on it or below, and those holding a post in it.
    posted = Post.objects.current().filter(organization=organization).values("person_id")
    inside = set(Person.objects.filter(pk__in=everyone).filter(
        Q(organization__path__startswith=organization.path) | Q(pk__in=posted))
        .values_list("pk", flat=True))
    outside = [p.name for pk, p in everyone.items() if pk not in inside]
    if outside:
        raise ValidationError(
            {"attendees": f"{'、'.join(outside)}不是“{organization.name}”的成员，不能登记参会"})
    for role, person in (("主持人", chair), ("记录人", recorder)):
        if person is not None and person.pk not in present:
            raise ValidationError({"chair" if role == "主持人" else "recorder":
                                   f"{role}{person.name}应在到会人员中"})


def _check_quorum(organization: Organization, kind: str, attendees: Sequence[Person],
                  held_on: date, absentees: Sequence[Absentee] = ()) -> None:
    if kind == MeetingKind.BRANCH_ASSEMBLY:
        voting = Person.objects.filter(organization__path__startswith=organization.path,
                                       party_status=PartyStatus.FULL_MEMBER).count()
        present = sum(p.party_status == PartyStatus.FULL_MEMBER for p in attendees)
        _require_majority(present, voting, "有表决权的党员", QUORUM_RULE.citation)
    elif kind == MeetingKind.COMMITTEE:
        committee = set(committee_members(organization, held_on).values_list("pk", flat=True))
        present = sum(p.pk in committee for p in attendees)
        _require_majority(present, len(committee), "支部委员", COMMITTEE_QUORUM_RULE.citation)
    elif kind == MeetingKind.PARTY_GROUP:  # of those listed: its members as the form lists them
        _require_majority(len(attendees), len(attendees) + len(absentees), "党组（党委）成员",
                          PARTY_GROUP_MEETING.citation)


def _committee_only(organization: Organization, held_on: date, attendees: Sequence[Person],
                    absentees: Sequence[Absentee]) -> list[Absentee]:
    """A 支委会 is the committee's: refused where none sits (the compliance report's own
    test), 应到 are its members only, and a member left off the list is recorded absent."""
    committee = {p.pk: p for p in committee_members(organization, held_on)}
    if not committee:
        raise ValidationError({"kind": (
            f"“{organization.name}”未设立支部委员会（{held_on:%Y年%m月%d日}无在任支部委员），"
            f"不能登记支部委员会会议；请登记为支部党员大会或其他会议")})
    listed = [*attendees, *(p for p, _ in absentees)]
    outsiders = [p.name for p in listed if p.pk not in committee]
    if outsiders:
        raise ValidationError({"attendees": (
            f"{'、'.join(outsiders)}不是支部委员：支部委员会会议的应到人员是支部委员会成员")})
    missing = [(p, "") for pk, p in committee.items() if pk not in {q.pk for q in listed}]
    return [*absentees, *missing]


def _require_majority(present: int, expected: int, who: str, citation: str) -> None:
    if present * 2 <= expected:
        raise ValidationError({"attendees": (
            f"应到{who}{expected}名，实到{present}名，未超过半数，会议不能召开（{citation}）")})
