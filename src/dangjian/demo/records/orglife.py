"""党组（党委）会议 with tagged 议题, and 党课 given by leaders from outside the branch.

Every department party group and the county government party group meet a few times in the
year, studying 全面从严治党 and 意识形态 and hearing a 党建工作汇报 (the tags the duty proofs
read); the 县财政局党组 secretary, the county head and the vice head in charge of 县财政局 each
lecture in a 县财政局 branch. So the responsibility lists show those items proven from the
minutes (自动取证) rather than typed. Rows are bulk inserted and the rollups recounted, as
``orglife.demo`` does for the year's branch meetings.
"""

import random
from datetime import date, timedelta

from django.db.models import Q

from dangjian.orglife.models import AgendaItem, AgendaTag, Attendance, LectureReach, Meeting
from dangjian.orglife.models import MeetingKind as K
from dangjian.orglife.selectors import members_of
from dangjian.orglife.services.rollups import rollups_rebuild
from dangjian.people.models import PartyStatus, Person, Post, PostTitle

from .cast import Cast

# (title, tag keys) of the 议题 a party group's meeting takes up, in turn.
AGENDA = (
    ("专题研究全面从严治党工作，部署党风廉政建设重点任务", ("discipline", "integrity")),
    ("听取机关党委（各支部）党建工作汇报，研究解决存在问题", ("party_report",)),
    ("专题研究意识形态工作，分析研判意识形态领域形势", ("ideology",)),
    ("研究“三重一大”事项", ("major_decision",)),
)
MEETINGS_A_YEAR = 3  # each covers every 议题 above: the county's counts are 2 a year


def generate(cast: Cast, rng: random.Random) -> dict[str, int]:
    days = _days(cast, MEETINGS_A_YEAR)
    if not days:
        return {"orglife.party_group_meetings": 0, "orglife.lectures_by_leaders": 0}
    tags = {t.key: t for t in AgendaTag.objects.all()}
    bodies = [cast.group, *(u.party for u in cast.units)]
    planned: list[tuple[Meeting, list[int]]] = []
    for body in bodies:
        people = list(members_of(body).values_list("pk", flat=True))
        if not people:
            continue
        for n, day in enumerate(days, 1):
            meeting = Meeting(organization=body, kind=K.PARTY_GROUP, held_on=day,
                              place="党组会议室", topic=f"{day.year}年第{n}次党组会议",
                              chair_id=people[0], recorder_id=people[-1],
                              minutes="（演示数据）", created_by=cast.history)
            planned.append((meeting, people))
    lectures = _lectures(cast, days[-1])
    Meeting.objects.bulk_create([m for m, _ in planned] + [m for m, _ in lectures])
    Attendance.objects.bulk_create([
        Attendance(meeting=m, person_id=pk, present=True, voting=True)
        for m, people in [*planned, *lectures] for pk in people])
    items = [AgendaItem(meeting=m, order=n, title=title)
             for m, _ in planned for n, (title, _) in enumerate(AGENDA, 1)]
    AgendaItem.objects.bulk_create(items)
    keys = {title: wanted for title, wanted in AGENDA}
    AgendaItem.tags.through.objects.bulk_create([
        AgendaItem.tags.through(agendaitem_id=item.pk, agendatag_id=tags[key].pk)
        for item in items for key in keys[item.title] if key in tags])
    rollups_rebuild(organization_ids=list({m.organization_id for m, _ in [*planned, *lectures]}),
                    year=cast.today.year)
    return {"orglife.party_group_meetings": len(planned),
            "orglife.lectures_by_leaders": len(lectures)}


def _days(cast: Cast, count: int) -> list[date]:
    """``count`` days spread over the year so far (none on the year's first day)."""
    if cast.today <= cast.year_start:
        return []
    span = (cast.yesterday - cast.year_start).days
    return [cast.year_start + timedelta(days=span * n // count) for n in range(1, count + 1)]


def _lectures(cast: Cast, day: date) -> list[tuple[Meeting, list[int]]]:
    """The 县财政局 secretary, the county head and the vice head in charge of 县财政局 each give
    a 党课 in the department's first branch (seed 004: 深入分管战线讲党课)."""
    finance = cast.units[0]
    branch = finance.branches[0]
    secretary = Post.objects.current(cast.today).filter(
        organization=finance.party, title=PostTitle.SECRETARY).values("person_id")
    lecturers: list[tuple[Person | None, str, str]] = [
        (Person.objects.filter(pk__in=secretary).first(), LectureReach.OWN, "党组书记讲党课"),
        (cast.county_head.person, LectureReach.LINK, "县委常委、县长讲党课（联系点）"),
        (finance.leader, LectureReach.CHARGE, "分管县领导深入分管战线讲党课"),
    ]
    listeners = list(Person.objects.filter(
        Q(organization=branch), party_status__in=[PartyStatus.FULL_MEMBER,
                                                  PartyStatus.PROBATIONARY])
        .order_by("pk").values_list("pk", flat=True))
    if not listeners:
        return []
    rows: list[tuple[Meeting, list[int]]] = []
    for person, reach, topic in lecturers:
        if person is None:
            continue
        rows.append((Meeting(
            organization=branch, kind=K.LECTURE, held_on=day, place="党员活动室", topic=topic,
            chair_id=listeners[0], recorder_id=listeners[-1], lecturer=person,
            lecturer_reach=reach, minutes="（演示数据）", created_by=cast.history), listeners))
    return rows


__all__ = ["generate"]
