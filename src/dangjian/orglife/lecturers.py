"""The lecturer (授课人) of a 党课: any person of ``people.leaders.persons_reaching``."""

from datetime import date

from django.db.models import QuerySet

from dangjian.orgs.models import Organization
from dangjian.people.leaders import in_charge, persons_reaching
from dangjian.people.models import Person

__all__ = ["in_charge", "lecturer_candidates"]


def lecturer_candidates(organization: Organization, on: date) -> QuerySet[Person]:
    return persons_reaching(organization, on)
