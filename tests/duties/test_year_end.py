"""The year-end check (issue 13, item 10): after a list's year, its items still overdue become
one 问责建议 to the inspectors, raised through ``core.proposals``; each list is checked once."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from dangjian.audit.models import AuditEvent
from dangjian.duties.models import ResponsibilityItem, YearEndCheck
from dangjian.duties.services.accountability import year_end
from dangjian.notifications.models import Notification
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Accountability

pytestmark = pytest.mark.django_db


def _cases(rlist: dict[str, Any]) -> list[Accountability]:
    return list(Accountability.objects.filter(source=f"duties.list:{rlist['id']}"))


def test_nothing_is_checked_before_the_year_ends(
    make_list: Callable[..., dict], finance_group: Organization, today: date,
) -> None:
    rlist = make_list(finance_group)
    year_end(today=date(today.year, 12, 31))
    assert not YearEndCheck.objects.filter(list_id=rlist["id"]).exists()


def test_items_overdue_at_year_end_raise_one_proposal_once(
    make_list: Callable[..., dict], finance_group: Organization, today: date,
    user: Callable[[str], Any],
) -> None:
    rlist = make_list(finance_group)
    january = date(today.year + 1, 1, 5)
    report = year_end(today=january)
    assert report.proposed >= 1
    check = YearEndCheck.objects.get(list_id=rlist["id"])
    assert check.overdue >= 1 and check.proposed
    [case] = _cases(rlist)
    assert case.organization == finance_group and case.person is None
    assert f"{today.year}年度" in case.reason and "年终未完成" in case.reason
    assert f"{check.overdue}项" in case.reason
    assert Notification.objects.filter(recipient=user("inspector"),
                                       dedupe_key=f"accountability:{case.pk}").exists()
    assert AuditEvent.objects.filter(action="duties.accountability",
                                     object_id=str(rlist["id"])).count() == 1
    # The next day's run checks nothing again.
    again = year_end(today=date(today.year + 1, 1, 6))
    assert YearEndCheck.objects.filter(list_id=rlist["id"]).count() == 1
    assert again.proposed == 0 and len(_cases(rlist)) == 1


def test_a_leaders_list_names_the_leader(
    make_list: Callable[..., dict], user: Callable[[str], Any],
    org: Callable[[str], Organization], today: date,
) -> None:
    rlist = make_list(org("示范县人民政府党组"), person=user("vice_head").person_id,
                      username="vice_head")
    year_end(today=date(today.year + 1, 1, 5))
    [case] = _cases(rlist)
    assert case.person == user("vice_head").person


def test_a_list_with_nothing_overdue_is_checked_and_raises_nothing(
    make_list: Callable[..., dict], finance_group: Organization, today: date,
) -> None:
    rlist = make_list(finance_group)
    ResponsibilityItem.objects.filter(list_id=rlist["id"]).update(active=False)
    year_end(today=date(today.year + 1, 1, 5))
    check = YearEndCheck.objects.get(list_id=rlist["id"])
    assert (check.overdue, check.proposed) == (0, False)
    assert _cases(rlist) == []
