"""A realistic but imperfect year of meetings for the demo county.

Most branches keep every obligation, some miss a month or a quarter here and there, a few are
slack all year. Same ``rng`` state and same ``until``, same meetings. Rows go in with
``bulk_create`` and the rollups are recounted once at the end, because meeting_record's
one-by-one checks and audit events would take minutes for a county.
"""

import random
from collections import defaultdict
from datetime import date

from django.db import transaction
from django.utils import timezone

from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import PartyStatus, Person

from .models import Attendance, Meeting, MeetingKind
from .rules import LEADING_GROUPS
from .services.rollups import rollups_rebuild

K = MeetingKind
TOPICS: dict[str, tuple[str, ...]] = {
    K.COMMITTEE: ("研究本月党建工作安排", "研究发展党员工作", "研究党费收缴情况"),
    K.BRANCH_ASSEMBLY: ("听取支部委员会工作报告", "讨论评选优秀党员", "学习全会精神并研究贯彻措施"),
    K.THEME_DAY: ("重温入党誓词", "志愿服务进社区", "参观廉政教育基地", "集中学习党章党规"),
    K.LECTURE: ("书记讲党课：坚定理想信念", "党纪学习教育专题党课", "弘扬优良作风专题党课"),
    K.ORG_LIFE: ("年度组织生活会：对照检查、批评和自我批评",),
    K.EVALUATION: ("年度民主评议党员",),
    K.CELL: ("党小组学习", "党小组谈心谈话"),
    K.DEMOCRATIC_LIFE: ("领导班子年度民主生活会",),
}
PLACES = ("党员活动室", "会议室", "党群服务中心", "新时代文明实践站")


def generate_meetings(
    *, branches: list[Organization], year: int, rng: random.Random, until: date | None = None,
    with_attendance: bool = True,
) -> int:
    """Meetings of ``year`` up to ``until`` (today by default) for each organisation, by its
    kind; returns how many were created. ``with_attendance=False`` leaves out the attendance
    rows (about twenty per meeting), for benchmark-scale data."""
    last_day = min(until or timezone.localdate(), date(year, 12, 31))
    members = _members(branches)
    planned: list[tuple[Meeting, list[tuple[int, bool, bool]]]] = []
    for org in branches:
        people = members.get(org.id, [])
        for kind, month in _plan(org, people, rng):
            held_on = date(year, month, rng.randint(1, 28))
            if held_on <= last_day and people:
                planned.append(_meeting(org, kind, held_on, people, rng))
    with transaction.atomic():
        Meeting.objects.bulk_create([m for m, _ in planned], batch_size=2000)
        if with_attendance:  # PostgreSQL and SQLite ≥ 3.35 return the meetings' new ids
            Attendance.objects.bulk_create([
                Attendance(meeting=meeting, person_id=pk, present=present, voting=voting,
                           absence_reason="" if present else rng.choice(("公出", "病假", "事假")))
                for meeting, attendance in planned for pk, present, voting in attendance
            ], batch_size=5000)
        rollups_rebuild(organization_ids=[org.id for org in branches], year=year)
    return len(planned)


def _members(orgs: list[Organization]) -> dict[int, list[tuple[int, bool]]]:
    """Party members (id, has a vote) kept on each organisation, in one query."""
    found: dict[int, list[tuple[int, bool]]] = defaultdict(list)
    persons = Person.objects.filter(
        organization__in=orgs,
        party_status__in=[PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY],
    ).order_by("pk").values_list("pk", "party_status", "organization_id")
    for pk, status, org_id in persons:
        found[org_id].append((pk, status == PartyStatus.FULL_MEMBER))
    return found


def _plan(org: Organization, people: list[tuple[int, bool]], rng: random.Random
          ) -> list[tuple[str, int]]:
    """(kind, month) of each meeting the organisation holds; diligence decides what is missed."""
    diligence = rng.random()
    skip = 0.0 if diligence > 0.3 else (0.12 if diligence > 0.08 else 0.4)
    plan: list[tuple[str, int]] = []
    months = range(1, 13)
    quarters = (rng.randint(1, 3), rng.randint(4, 6), rng.randint(7, 9), rng.randint(10, 12))
    if org.kind == OrgKind.BRANCH:
        # No 支委会: the demo county has no 委员 posts on file, so no branch has a committee
        # (those with 7+ full members show the NO_COMMITTEE gap), and meeting_record refuses
        # a 支委会 where none sits.
        plan += [(K.THEME_DAY, m) for m in months]
        plan += [(K.BRANCH_ASSEMBLY, m) for m in quarters]
        plan += [(K.LECTURE, m) for m in quarters]
        year_end = rng.randint(11, 12)
        plan += [(K.ORG_LIFE, year_end), (K.EVALUATION, year_end)]
    elif org.kind == OrgKind.PARTY_CELL:
        plan += [(K.CELL, m) for m in months]
    elif org.kind in LEADING_GROUPS:
        plan += [(K.DEMOCRATIC_LIFE, 12), (K.LECTURE, rng.randint(3, 9))]
    return [item for item in plan if rng.random() >= skip]


def _meeting(org: Organization, kind: str, held_on: date, people: list[tuple[int, bool]],
             rng: random.Random) -> tuple[Meeting, list[tuple[int, bool, bool]]]:
    attendance = [(pk, rng.random() < 0.9, vote) for pk, vote in people]
    if kind == K.BRANCH_ASSEMBLY:  # a 党员大会 without a quorum would not have been held
        attendance = [(pk, present or vote, vote) for pk, present, vote in attendance]
    if not any(here for _, here, _ in attendance):  # someone came: the one who chaired
        attendance[0] = (attendance[0][0], True, attendance[0][2])
    present = [pk for pk, here, _ in attendance if here]
    meeting = Meeting(
        organization=org, kind=kind, held_on=held_on, place=rng.choice(PLACES),
        topic=rng.choice(TOPICS.get(kind, ("组织生活",))), chair_id=present[0],
        recorder_id=present[-1], minutes="（演示数据）",
        lecturer_id=present[0] if kind == K.LECTURE else None)  # who chaired gave the 党课
    return meeting, attendance
