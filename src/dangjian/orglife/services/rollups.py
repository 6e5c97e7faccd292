"""The yearly rollup of meetings, kept in step with every meeting write.

``rollup_add`` runs in the transaction that inserts a meeting: an atomic increment, so two
clerks recording at once both count. Removing a meeting cannot clear a month bit without
knowing whether another meeting fell in that month, so ``rollup_recount`` recounts the one row
from the meetings themselves.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, F, QuerySet
from django.db.models.functions import ExtractMonth, ExtractYear

from ..models import Meeting, MeetingRollup
from ..models.rollups import month_bit

CHUNK = 2000
RollupKey = tuple[int, str, int]  # organization id, kind, year
RollupValue = tuple[int, int]  # count, months bitmask


def rollup_add(*, meeting: Meeting) -> None:
    row, _ = MeetingRollup.objects.get_or_create(
        organization_id=meeting.organization_id, kind=meeting.kind, year=meeting.held_on.year)
    MeetingRollup.objects.filter(pk=row.pk).update(
        count=F("count") + 1, months=F("months").bitor(month_bit(meeting.held_on.month)))


def rollup_recount(*, organization_id: int, kind: str, year: int) -> None:
    meetings = Meeting.objects.filter(organization_id=organization_id, kind=kind,
                                      held_on__year=year)
    counted = recount(meetings).get((organization_id, kind, year))
    rollups = MeetingRollup.objects.filter(organization_id=organization_id, kind=kind, year=year)
    if counted is None:
        rollups.delete()
        return
    count, months = counted
    updated = rollups.update(count=count, months=months)
    if not updated:
        MeetingRollup.objects.create(organization_id=organization_id, kind=kind, year=year,
                                     count=count, months=months)


def recount(meetings: QuerySet[Meeting]) -> dict[RollupKey, RollupValue]:
    """What the rollup should hold for ``meetings``, counted from the rows in one query."""
    per_month = (meetings.order_by()
                 .annotate(year=ExtractYear("held_on"), month=ExtractMonth("held_on"))
                 .values("organization_id", "kind", "year", "month")
                 .annotate(n=Count("id"))
                 .values_list("organization_id", "kind", "year", "month", "n"))
    totals: dict[RollupKey, list[int]] = defaultdict(lambda: [0, 0])
    for org_id, kind, year, month, n in per_month:
        total = totals[(org_id, kind, year)]
        total[0] += n
        total[1] |= month_bit(month)
    return {key: (count, months) for key, (count, months) in totals.items()}


def rollups_rebuild(*, organization_ids: Iterable[int], year: int) -> int:
    """Replace the rollups of ``organization_ids`` for ``year`` with a recount, after meetings
    were written in bulk (the demo, a data migration). Returns the rows written."""
    ids = list(organization_ids)
    written = 0
    for start in range(0, len(ids), CHUNK):  # SQLite caps the parameters of one statement
        chunk = ids[start:start + CHUNK]
        counted = recount(Meeting.objects.filter(organization_id__in=chunk, held_on__year=year))
        MeetingRollup.objects.filter(organization_id__in=chunk, year=year).delete()
        MeetingRollup.objects.bulk_create([
            MeetingRollup(organization_id=org_id, kind=kind, year=y, count=count, months=months)
            for (org_id, kind, y), (count, months) in counted.items()
        ], batch_size=2000)
        written += len(counted)
    return written
