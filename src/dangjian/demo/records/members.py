"""发展党员 records for the county's applicants, activists and candidates (some with a step
overdue), study records for part of the department members, and festival visits.

A record's steps follow the rules the step services check: the talk within a month of the
application, publicity before a change of status, two full members as contacts, a year as
activist before becoming a candidate, and the person's 政治面貌 as the last step leaves it.
"""

import random
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Q

from dangjian.access.models import User
from dangjian.members import reports, rules
from dangjian.members.models import Candidate, Step, StudyKind, StudyRecord, Visit
from dangjian.members.models.visits import VisitCampaign, VisitKind
from dangjian.orgs.models import OrgKind
from dangjian.people.models import PartyStatus, Person

from .cast import Cast

STEP_DOCUMENTS = {1: "入党申请书", 2: "谈话记录", 3: "支委会会议记录", 4: "备案报告",
                  5: "培养联系人登记表", 6: "培养考察意见", 7: "支委会会议记录", 8: "备案报告"}
STUDY_TOPICS = ["学习贯彻党的二十届三中全会精神", "党纪学习教育专题",
                "习近平新时代中国特色社会主义思想专题", "《中国共产党纪律处分条例》解读",
                "基层党建业务培训"]
PUBLICITY_DAYS = 21  # calendar days of publicity before the step: five working days and more


def generate(cast: Cast, rng: random.Random) -> dict[str, int]:
    candidates, steps = _development(cast, rng)
    study = _study(cast, rng)
    visits = _visits(cast, rng)
    # Its own stream: the records generated after these keep the draws they had.
    visits += _care_visits(cast, random.Random(cast.today.toordinal()))
    return {"members.candidates": candidates, "members.steps": steps,
            "members.study_records": study, "members.visits": visits}


def _development(cast: Cast, rng: random.Random) -> tuple[int, int]:
    stages = (PartyStatus.APPLICANT, PartyStatus.ACTIVIST, PartyStatus.CANDIDATE)
    # One in three of them has a record here; the others were entered before the platform
    # (as a 入党申请人 without a record may be, ``candidates.MAY_APPLY``).
    people = list(Person.objects.filter(organization__path__startswith=cast.root.path,
                                        party_status__in=stages)
                  .only("pk", "organization_id", "party_status").order_by("pk"))[::3]
    full = _full_members_by_branch({p.organization_id for p in people})
    publicity = frozenset(rules.local_settings().publicity_steps)
    records: list[Candidate] = []
    planned: list[list[Step]] = []
    for person in people:
        dates = _dates(cast, rng, person.party_status)
        if not dates:
            continue
        contacts = full[person.organization_id]
        if len(contacts) < 2 and rules.CONTACTS_NAMED in dates:
            continue
        recorder = cast.history
        candidate = Candidate(person=person, organization_id=person.organization_id,
                              applied_on=dates[rules.APPLICATION][0],
                              current_step=max(dates), created_by=recorder)
        records.append(candidate)
        planned.append([_step(n, day, contacts, recorder, publicity)
                        for n, days in sorted(dates.items()) for day in days])
    Candidate.objects.bulk_create(records)
    steps = [s for group in planned for s in group]
    for record, group in zip(records, planned, strict=True):
        for step in group:
            step.candidate = record
    Step.objects.bulk_create(steps)
    return len(records), len(steps)


def _full_members_by_branch(branches: set[int]) -> dict[int, list[int]]:
    """Two 正式党员 of each branch (by id), the contacts of its activists."""
    out: dict[int, list[int]] = defaultdict(list)
    rows = Person.objects.filter(organization_id__in=branches,
                                 party_status=PartyStatus.FULL_MEMBER).order_by("pk")
    for pk, branch in rows.values_list("pk", "organization_id"):
        if len(out[branch]) < 2:
            out[branch].append(pk)
    return out


def _dates(cast: Cast, rng: random.Random, status: str) -> dict[int, list[date]]:
    """Each recorded step's dates, counted back from today so the status is the right one;
    every fourth applicant is still waiting for the talk and every fourth activist for a
    review past its half year (overdue)."""
    today, roll = cast.today, rng.random()
    if status == PartyStatus.APPLICANT:
        applied = today - timedelta(days=rng.randint(10, 120))
        talk = applied + timedelta(days=rng.randint(5, 25))
        if roll < 0.25 or talk >= today:
            return {1: [applied]}
        return {1: [applied], 2: [talk]}
    if status == PartyStatus.ACTIVIST:
        chosen = today - timedelta(days=rng.randint(40, 340))
        reviews = [chosen + timedelta(days=175 * k) for k in range(1, 3)]
        reviews = [r for r in reviews if r < today - timedelta(days=5)]
        if roll < 0.25 and reviews:
            reviews.pop()  # the latest review was not held: overdue
        return {**_activist(rng, chosen), **({6: reviews} if reviews else {})}
    chosen = today - timedelta(days=rng.randint(10, 200))
    activist = chosen - timedelta(days=rng.randint(380, 480))
    dates = {**_activist(rng, activist), 6: [activist + timedelta(days=170),
                                            activist + timedelta(days=340)], 7: [chosen]}
    if chosen + timedelta(days=10) < today:
        dates[8] = [chosen + timedelta(days=10)]
    return dates


def _activist(rng: random.Random, chosen: date) -> dict[int, list[date]]:
    applied = chosen - timedelta(days=rng.randint(200, 400))
    return {1: [applied], 2: [applied + timedelta(days=rng.randint(5, 25))], 3: [chosen],
            4: [chosen + timedelta(days=7)], 5: [chosen + timedelta(days=10)]}


def _step(number: int, day: date, contacts: list[int], recorder: User,
          publicity: frozenset[int]) -> Step:
    step = Step(number=number, date=day, document=STEP_DOCUMENTS.get(number, ""),
                recorded_by=recorder)
    if number == rules.CONTACTS_NAMED:
        step.first_contact_id, step.second_contact_id = contacts
    if number in publicity:
        step.publicity_from = day - timedelta(days=PUBLICITY_DAYS)
    return step


def _study(cast: Cast, rng: random.Random) -> int:
    """Rotation training and seminars for two in five department members this year, and
    each party group's 中心组 sessions month by month."""
    if cast.today <= cast.year_start:
        return 0
    span = (cast.yesterday - cast.year_start).days
    rows = []
    for unit in cast.units:
        recorder = cast.clerk(unit.unit)
        for person in unit.members:
            if rng.random() < 0.6:
                continue
            for _ in range(rng.randint(1, 2)):
                rows.append(StudyRecord(
                    organization_id=person.organization_id, person=person,
                    kind=rng.choice([StudyKind.ROTATION_TRAINING, StudyKind.SEMINAR,
                                     StudyKind.PARTY_HISTORY]),
                    date=cast.year_start + timedelta(days=rng.randint(0, span)),
                    hours=Decimal(rng.choice([4, 8, 8, 12, 16])),
                    topic=rng.choice(STUDY_TOPICS), recorded_by=recorder))
        for month in range(1, cast.yesterday.month + 1):
            if rng.random() < 0.8:
                rows.append(StudyRecord(
                    organization=unit.party, kind=StudyKind.CENTRAL_GROUP,
                    date=min(date(cast.today.year, month, 20), cast.yesterday),
                    hours=Decimal(3), topic=rng.choice(STUDY_TOPICS), recorded_by=recorder))
    StudyRecord.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _visits(cast: Cast, rng: random.Random) -> int:
    """七一 and 春节 visits to the longest-standing members of a few departments."""
    rows = []
    for campaign, month, day in ((VisitCampaign.SPRING_FESTIVAL, 1, 20),
                                 (VisitCampaign.JULY_FIRST, 6, 28)):
        when = date(cast.today.year, month, day)
        if when >= cast.today:
            when = date(cast.today.year - 1, month, day)
        for unit in cast.units[::5]:
            veterans = sorted(unit.members, key=lambda p: (p.joined_party_on or date.max, p.pk))
            for person in veterans[:2]:
                rows.append(Visit(person=person, organization_id=person.organization_id,
                                  kind=rng.choice([VisitKind.VETERAN, VisitKind.NEEDY,
                                                   VisitKind.SICK]),
                                  campaign=campaign, date=when, other_visitors="县领导",
                                  gifts="慰问金、慰问品", amount=Decimal(500),
                                  recorded_by=cast.clerk(unit.unit)))
    Visit.objects.bulk_create(rows)
    return len(rows)


CARE_VISITED = {VisitCampaign.JULY_FIRST: 0.7, VisitCampaign.SPRING_FESTIVAL: 0.55}


def _care_visits(cast: Cast, rng: random.Random) -> int:
    """七一 and 春节 visits to most, not all, of the villages' 老党员 and members in hardship:
    the 走访慰问 coverage then has someone to show as missed."""
    years = rules.local_settings().veteran_party_years
    members = Person.objects.filter(
        organization__path__startswith=cast.root.path, organization__parent__kind=OrgKind.VILLAGE,
        party_status__in=reports.MEMBER_STATUSES).filter(
        Q(in_hardship=True) | Q(joined_party_on__lte=date(cast.today.year - years, 12, 31)))
    rows = []
    for campaign, visited in CARE_VISITED.items():
        year = cast.today.year
        if reports.campaign_day(year, campaign) + timedelta(days=1) >= cast.today:
            year -= 1
        on = reports.campaign_day(year, campaign)
        for person in members.order_by("pk"):
            veteran = reports.is_veteran(person.joined_party_on, on, years)
            if not (veteran or person.in_hardship) or rng.random() >= visited:
                continue
            rows.append(Visit(
                person=person, organization_id=person.organization_id,
                kind=VisitKind.VETERAN if veteran else VisitKind.NEEDY, campaign=campaign,
                date=on - timedelta(days=rng.randint(1, 10)), other_visitors="乡镇党委",
                gifts="慰问金", amount=Decimal(rng.choice([300, 500])), recorded_by=cast.history))
    Visit.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
