"""The year-end check (年终检查): after a list's year ends, its items still overdue become one
问责建议 to the inspectors (``rules.YEAR_END_ACCOUNTABILITY``), raised through
``core.proposals`` (duties may not import oversight, which keeps the register).

Each list is checked once (``YearEndCheck``, one row per list): the daily job skips lists
already checked, so a second run, or a run lost with its worker and made good the next day,
raises nothing twice. Items are judged as on 1 January of the next year, with the evidence the
platform holds and the records entered by hand, as the list's own page shows them."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.selectors import users_covering
from dangjian.audit.services import record
from dangjian.core.proposals import Proposal, propose

from ..kinds import State
from ..models import ResponsibilityItem, ResponsibilityList, YearEndCheck
from ..selectors import item_states


@dataclass
class YearEndReport:
    checked: int = 0
    proposed: int = 0
    skipped: int = 0  # no inspector covers the list's organisation: checked again tomorrow


def _reason(rlist: ResponsibilityList, overdue: list[ResponsibilityItem]) -> str:
    whom = rlist.person.name if rlist.person is not None else rlist.organization.name
    named = "；".join(f"“{item.text[:30]}”" for item in overdue[:5])
    more = f"等{len(overdue)}项" if len(overdue) > 5 else f"共{len(overdue)}项"
    return (f"{rlist.year}年度{whom}责任清单（{rlist.title}）中{named}{more}责任事项"
            f"年终未完成")


def check_list(rlist: ResponsibilityList, today: date) -> bool | None:
    """Check one list of a past year; True when a proposal was raised, None when nobody can
    be told (no inspector covers it) and the check waits for another day."""
    viewer = users_covering(rlist.organization, {Role.INSPECTOR}).first()
    if viewer is None:
        return None
    year_end = date(rlist.year + 1, 1, 1)
    items = ResponsibilityItem.objects.filter(list=rlist)
    states = item_states(items, viewer, today=year_end)
    late_ids = [pk for pk, (_person, state) in states.items() if state == State.OVERDUE]
    overdue = list(items.filter(pk__in=late_ids).order_by("order", "id"))
    try:
        with transaction.atomic():
            check = YearEndCheck.objects.create(list=rlist, taken_on=today,
                                                overdue=len(overdue))
            if overdue:
                check.proposed = propose(Proposal(
                    organization=rlist.organization, person=rlist.person,
                    reason=_reason(rlist, overdue), source=f"duties.list:{rlist.pk}"))
                check.save(update_fields=["proposed"])
            record(actor=None, action="duties.accountability" if overdue else "duties.year_end",
                   target=rlist, after={"year": rlist.year, "overdue": len(overdue),
                                        "items": [item.pk for item in overdue]})
    except IntegrityError:  # a concurrent run checked it first
        return False
    return bool(overdue)


def year_end(*, today: date | None = None) -> YearEndReport:
    """Check every list of last year not yet checked."""
    today = today or timezone.localdate()
    report = YearEndReport()
    lists = (ResponsibilityList.objects.filter(year=today.year - 1, year_end_check__isnull=True)
             .select_related("organization", "person").order_by("id"))
    for rlist in lists:
        done = check_list(rlist, today)
        if done is None:
            report.skipped += 1
            continue
        report.checked += 1
        report.proposed += done
    return report


def run_daily() -> YearEndReport:
    """Entry point for Celery beat and the in-process scheduler (``core.jobs``)."""
    return year_end(today=timezone.localdate())
