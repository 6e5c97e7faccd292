"""Checks and writes every members service shares."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.people.models import Person


def require_past(day: date, field: str, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: f"{label}不能晚于今天"})


def person_set_party_status(
    *, actor: User, person: Person, status: str, joined_party_on: date | None,
) -> None:
    """Move a person's 政治面貌 (and 入党时间) along with their development record, audited.

    people.services has no such write yet; this is the only place that changes them.
    """
    before = {"party_status": person.party_status, "joined_party_on": person.joined_party_on}
    person.party_status, person.joined_party_on = status, joined_party_on
    person.save(update_fields=["party_status", "joined_party_on"])
    record(actor=actor, action="person.party_status", target=person, before=before,
           after={"party_status": status, "joined_party_on": person.joined_party_on})
