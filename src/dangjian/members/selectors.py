"""Reads for the members pages and API, always through access.scoping."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum

from dangjian.access.scoping import restrict
from dangjian.core.citations import Rule

from . import rules
from .models import Candidate, StudyKind, StudyRecord, Visit


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
    county's targets; members with the fewest hours first."""
    local = rules.local_settings()
    records = study_records_for(user).filter(date__year=year).order_by()
    members = [
        StudyTotal(row["person__name"], row["organization__name"], row["hours"], row["count"],
                   row["hours"] >= local.member_study_hours_per_year)
        for row in records.filter(person__isnull=False).values(
            "person", "person__name", "organization__name").annotate(
            hours=Sum("hours"), count=Count("id")).order_by("hours", "person__name")
    ]
    central = Count("id", filter=Q(kind=StudyKind.CENTRAL_GROUP))
    groups = [
        StudyTotal(row["organization__name"], row["organization__name"], row["hours"],
                   row["sessions"], row["sessions"] >= local.group_study_sessions_per_year)
        for row in records.filter(person__isnull=True).values(
            "organization", "organization__name").annotate(
            hours=Sum("hours"), sessions=central).order_by("sessions", "organization__name")
    ]
    return StudySummary(year, members, groups,
                        rules.member_study_hours(local.member_study_hours_per_year),
                        rules.group_study_sessions(local.group_study_sessions_per_year))
