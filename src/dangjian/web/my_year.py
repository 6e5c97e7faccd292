"""我的一年: a 党员's own year on his 工作台: the meetings he was due at (attended, missed), his
study hours against the county's target, and his development or probation dates.

Everything here is read by his own person id: nothing of anyone else, whatever his branch
reach. 党费 is not shown: the platform keeps no dues records (the county's finance system does).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import F, Sum
from django.utils import timezone

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.citations import Rule
from dangjian.members import rules as member_rules
from dangjian.members.models import Candidate, StudyRecord
from dangjian.members.reports import party_age_start
from dangjian.orglife.models import Attendance
from dangjian.people.models import Person


@dataclass(frozen=True)
class Missed:
    held_on: date
    kind: str
    topic: str
    reason: str


@dataclass(frozen=True)
class Development:
    """The person's development record (发展党员档案), if any: where it stands."""

    candidate_id: int
    stage: str
    step: str
    applied_on: date
    probation_ends_on: date | None
    closed_on: date | None


@dataclass(frozen=True)
class MyYear:
    year: int
    person: Person
    attended: int
    missed: list[Missed]
    hours: Decimal
    target: int
    study_rule: Rule
    party_age_from: date | None
    development: Development | None

    @property
    def due(self) -> int:
        return self.attended + len(self.missed)

    @property
    def study_met(self) -> bool:
        return self.hours >= self.target


def my_year(user: User) -> MyYear | None:
    """For a user holding the 党员 role and linked to a person; None otherwise."""
    if Role.MEMBER not in roles_of(user) or user.person_id is None:
        return None
    person = Person.objects.select_related("organization").get(pk=user.person_id)
    year = timezone.localdate().year
    rows = Attendance.objects.filter(person=person, meeting__held_on__year=year).select_related(
        "meeting").order_by("meeting__held_on", "meeting_id")
    missed = [Missed(a.meeting.held_on, a.meeting.kind, a.meeting.topic, a.absence_reason)
              for a in rows if not a.present]
    attended = sum(1 for a in rows if a.present)
    hours = StudyRecord.objects.filter(person=person, date__year=year).aggregate(
        total=Sum("hours"))["total"] or Decimal(0)
    target = member_rules.local_settings().member_study_hours_per_year
    candidate = Candidate.objects.filter(person=person).order_by(  # the open record first
        F("closed_on").asc(nulls_first=True), "-applied_on", "-pk").first()
    development = None
    if candidate is not None:
        development = Development(
            candidate.pk, str(candidate.stage), member_rules.STEPS[candidate.current_step].name,
            candidate.applied_on, candidate.probation_ends_on, candidate.closed_on)
    joined = person.joined_party_on
    return MyYear(year, person, attended, missed, hours, target,
                  member_rules.member_study_hours(target),
                  party_age_start(joined) if joined else None, development)
