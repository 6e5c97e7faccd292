"""Reads for the members pages and API, always through access.scoping."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from dangjian.access.scoping import restrict
from dangjian.core.citations import Rule
from dangjian.people.models import PartyStatus, Person

from . import rules
from .models import Candidate, Step, StudyKind, StudyRecord, Visit

MEMBER_STATUSES = (PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY)


def candidates_for(user: Any) -> QuerySet[Candidate]:
    return restrict(Candidate.objects.all(), user).select_related(
        "person", "organization").prefetch_related("steps")


def study_records_for(user: Any) -> QuerySet[StudyRecord]:
    return restrict(StudyRecord.objects.all(), user).select_related("person", "organization")


def visits_for(user: Any) -> QuerySet[Visit]:
    return restrict(Visit.objects.all(), user).select_related(
        "person", "organization").prefetch_related("visitors")


@dataclass(frozen=True)
class StudyTotal:
    name: str
    organization: str
    hours: Decimal
    sessions: int  # 中心组学习 sessions; members' rows count records
    met: bool


@dataclass(frozen=True)
class StudySummary:
    year: int
    members: list[StudyTotal]
    groups: list[StudyTotal]
    member_rule: Rule
    group_rule: Rule


def study_summary(user: Any, year: int) -> StudySummary:
    """Hours per member and 中心组学习 sessions per leading group in ``year``, against the
    county's targets; members with the fewest hours first.

    Every full and probationary member in scope is listed: one without a record shows 0 hours
    and is short. Records the user sees of members outside his person scope (a member sees his
    branch's study records) are listed as before."""
    local = rules.local_settings()
    target = local.member_study_hours_per_year
    records = study_records_for(user).filter(date__year=year).order_by()
    totals: dict[int, StudyTotal] = {
        person["pk"]: StudyTotal(person["name"], person["organization__name"], Decimal(0), 0,
                                 target <= 0)
        for person in restrict(Person.objects.filter(party_status__in=MEMBER_STATUSES),
                               user).order_by().values("pk", "name", "organization__name")
    }
    for row in records.filter(person__isnull=False).values(
            "person", "person__name", "organization__name").annotate(
            hours=Sum("hours"), count=Count("id")):
        known = totals.get(row["person"])
        hours = row["hours"] + (known.hours if known else 0)
        count = row["count"] + (known.sessions if known else 0)
        totals[row["person"]] = StudyTotal(
            row["person__name"], known.organization if known else row["organization__name"],
            hours, count, hours >= target)
    members = sorted(totals.values(), key=lambda t: (t.hours, t.name, t.organization))
    central = Count("id", filter=Q(kind=StudyKind.CENTRAL_GROUP))
    groups = [
        StudyTotal(row["organization__name"], row["organization__name"], row["hours"],
                   row["sessions"], row["sessions"] >= local.group_study_sessions_per_year)
        for row in records.filter(person__isnull=True).values(
            "organization", "organization__name").annotate(
            hours=Sum("hours"), sessions=central).order_by("sessions", "organization__name")
    ]
    return StudySummary(year, members, groups,
                        rules.member_study_hours(target),
                        rules.group_study_sessions(local.group_study_sessions_per_year))


def publicity_facts(*, organization_path: str, since: date) -> list[dict[str, Any]]:
    """发展党员 steps with a publicity start on or after ``since`` in the subtree of
    ``organization_path``: what ``openness`` drafts a 公示 from (``core.crossings``
    "members.publicity_facts"). The caller has checked the organisation is its user's."""
    steps = Step.objects.filter(publicity_from__gte=since,
                                candidate__organization__path__startswith=organization_path
                                ).select_related("candidate__person", "candidate__organization")
    return [{"source": f"members.step:{step.pk}", "organization": step.candidate.organization,
             "name": step.candidate.person.name, "step": step.name,
             "publicity_from": step.publicity_from} for step in steps.order_by("publicity_from",
                                                                               "id")]
