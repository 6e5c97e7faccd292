"""Providers reading 党员管理 (members): development steps overdue, and study coverage whose
denominator is every full and probationary member in scope, not only those with records."""

from typing import Any

from django.db.models import Sum

from dangjian.members.selectors import candidates_for, study_records_for
from dangjian.members.services.due import next_due
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person

from . import KEYS, Outcome, Period, Provider, register
from .common import Reader, as_of, dec, deduction_points, rate_points, rate_text, refs, unit_of

MEMBERS = (PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY)


def steps_overdue(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """Open development records with a step past its deadline on the day judged."""
    judged = as_of(period, params)
    overdue: list[int] = []
    steps = 0
    for candidate in candidates_for(Reader(unit_of(target))).filter(
            closed_on__isnull=True).order_by("id"):
        late = [item for item in next_due(candidate, judged) if item.overdue]
        if late:
            overdue.append(candidate.pk)
            steps += len(late)
    return Outcome({"candidates": len(overdue), "steps": steps},
                   deduction_points(steps, params), refs("members.Candidate", overdue))


def study_coverage(target: Organization, period: Period, params: dict[str, Any]) -> Outcome:
    """Members with at least ``min_hours`` (default: any record) of study in the period, over
    every full and probationary member of the unit's subtree."""
    unit = unit_of(target)
    judged = as_of(period, params)
    members = set(Person.objects.filter(organization__path__startswith=unit.path,
                                        party_status__in=MEMBERS).values_list("pk", flat=True))
    hours = (study_records_for(Reader(unit)).filter(
        person__in=members, date__gte=period.start, date__lte=judged).order_by()
        .values_list("person").annotate(hours=Sum("hours")))
    least = dec(params.get("min_hours"), "0")
    covered = sorted(pk for pk, total in hours if total > 0 and total >= least)
    missed = sorted(members - set(covered))
    rate, points = rate_points(len(covered), len(members), params)
    return Outcome({"covered": len(covered), "members": len(members), "rate": rate_text(rate),
                    "missed": missed[:100]}, points, refs("people.Person", missed))


register(Provider("members.steps_overdue", KEYS["members.steps_overdue"],
                  frozenset({"DEDUCTION"}), steps_overdue))
register(Provider("members.study_coverage", KEYS["members.study_coverage"],
                  frozenset({"AUTO"}), study_coverage))
