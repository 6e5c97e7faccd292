"""Drafts from data the other apps hold, read through core.crossings: 组织生活会 and 民主评议
held (orglife), 巡察整改 progress from closed findings and 通报 问责 decisions (oversight), and a
village's confirmed collective income (villages). Each record gives one draft, once; a draft
is never published without the workflow; records outside the unit or the window give none."""

from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.openness.models import Disclosure
from dangjian.openness.selectors import public_disclosures
from dangjian.orglife.models.meetings import Meeting, MeetingKind
from dangjian.oversight.models.accountability import Accountability
from dangjian.oversight.models.findings import Finding, FindingStatus, Term
from dangjian.villages.models import Income, IncomeStatus
from tests.concurrency import database_file, in_thread, meeting_before, run_together

pytestmark = pytest.mark.django_db
PREPARE = "/api/v1/disclosures/prepare/"


def _prepare(client: APIClient, unit: Any) -> list[dict[str, Any]]:
    made = client.post(PREPARE, {"organization": unit.pk}, format="json")
    assert made.status_code == 201, made.content
    return made.json()  # type: ignore[no-any-return]


def _finding(unit: Any, by: User, source: str, closed_days_ago: int) -> Finding:
    today = timezone.localdate()
    return Finding.objects.create(
        organization=unit, source=Term.objects.get(kind="source", name=source),
        category=Term.objects.get(kind="category", name="作风建设"),
        severity=Term.objects.get(kind="severity", name="一般"),
        description="会议记录不完整", discovered_on=today - timedelta(days=60),
        status=FindingStatus.CLOSED, closed_on=today - timedelta(days=closed_days_ago),
        raised_by=by)


def test_meetings_findings_and_public_accountability_are_drafted_once(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], user: Callable[[str], User],
) -> None:
    today, clerk = timezone.localdate(), user("finance_clerk")
    branch, finance = org("县财政局机关第一党支部"), org("县财政局")
    meeting = Meeting.objects.create(organization=branch, kind=MeetingKind.EVALUATION,
                                     held_on=today - timedelta(days=3), topic="年度民主评议党员")
    closed = [_finding(finance, clerk, "巡察反馈", 2), _finding(finance, clerk, "巡察反馈", 2)]
    _finding(finance, clerk, "自查", 2)  # not a 巡察 finding
    _finding(finance, clerk, "巡察反馈", 400)  # closed long before the window
    circular = Accountability.objects.create(
        organization=finance, form="通报", reason="履行主体责任不力",
        status=Accountability.Status.DECIDED, decided_on=today - timedelta(days=1),
        deciding_body="县纪委")
    Accountability.objects.create(organization=finance, form="检查", reason="另案",
                                  status=Accountability.Status.DECIDED,
                                  decided_on=today - timedelta(days=1))

    rows = {row["source"]: row for row in _prepare(api_as("finance_clerk"), finance)}
    day = closed[0].closed_on
    assert day is not None
    wanted = {f"orglife.meeting:{meeting.pk}", f"oversight.closed:{finance.pk}:{day}",
              f"oversight.accountability:{circular.pk}"}
    assert wanted <= set(rows)
    assert not {s for s in rows if s.startswith("oversight.") and s not in wanted}
    evaluation = rows[f"orglife.meeting:{meeting.pk}"]
    assert evaluation["audience"] == "党内" and evaluation["status"] == "拟稿"
    assert "年度民主评议党员" in evaluation["body"]
    rectification = rows[f"oversight.closed:{finance.pk}:{day}"]
    assert rectification["body"].count("（已整改销号）") == 2
    assert "县纪委" in rows[f"oversight.accountability:{circular.pk}"]["body"]
    assert all(row["drafted_by"] == clerk.pk for row in rows.values())

    assert _prepare(api_as("finance_clerk"), finance) == []  # a second run: no twin
    assert Disclosure.objects.filter(source__in=wanted).count() == 3
    assert not public_disclosures().filter(source__in=wanted).exists()


def test_a_confirmed_village_income_is_drafted_for_the_village_and_a_draft_one_is_not(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
) -> None:
    village = user("village_clerk").grants.get().organization
    town = user("town_clerk").grants.get().organization
    assert village is not None and town is not None
    year = timezone.localdate().year - 7  # a year the demo leaves empty
    confirmed = Income.objects.create(organization=village, year=year,
                                      operating=Decimal("6.50"), subsidy=Decimal("2.00"),
                                      status=IncomeStatus.CONFIRMED,
                                      confirmed_at=timezone.now() - timedelta(days=2))
    Income.objects.create(organization=village, year=year - 1, operating=Decimal("3.00"),
                          status=IncomeStatus.REPORTED)
    rows = [r for r in _prepare(api_as("town_clerk"), town) if r["source"].startswith("villages.")]
    assert [r["source"] for r in rows] == [f"villages.income:{confirmed.pk}"]
    assert rows[0]["organization"] == village.pk and rows[0]["domain"] == "财务"
    assert "合计8.50万元" in rows[0]["body"] and "经营收入：6.50万元" in rows[0]["body"]
    again = [r for r in _prepare(api_as("town_clerk"), town) if r["source"].startswith("villages.")]
    assert again == []


def test_another_units_records_give_no_draft(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], user: Callable[[str], User],
) -> None:
    edu = org("县教育局")
    meeting = Meeting.objects.create(organization=edu, kind=MeetingKind.ORG_LIFE,
                                     held_on=timezone.localdate(), topic="专题组织生活会")
    rows = _prepare(api_as("finance_clerk"), org("县财政局"))
    assert f"orglife.meeting:{meeting.pk}" not in {r["source"] for r in rows}
    refused = api_as("finance_clerk").post(PREPARE, {"organization": edu.pk}, format="json")
    assert refused.status_code in (400, 404)


@override_settings(DANGJIAN_OPENNESS={"accountability_public_forms": ("通报", "检查")})
def test_the_county_chooses_which_accountability_forms_are_drafted(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    finance = org("县财政局")
    case = Accountability.objects.create(
        organization=finance, form="检查", reason="未按期报送", deciding_body="县委",
        status=Accountability.Status.DECIDED, decided_on=timezone.localdate())
    rows = _prepare(api_as("finance_clerk"), finance)
    assert f"oversight.accountability:{case.pk}" in {r["source"] for r in rows}


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_make_one_draft_per_record(
    committed_demo: None, org: Callable[[str], Any], user: Callable[[str], User],
    tmp_path: Path,
) -> None:
    """The clerk and the secretary prepare at the same moment, each held just before saving
    its draft: both answer 201, and each record has one draft."""
    branch = org("县财政局机关第一党支部")
    meeting = Meeting.objects.create(organization=branch, kind=MeetingKind.ORG_LIFE,
                                     held_on=timezone.localdate(), topic="专题组织生活会")
    database = database_file(tmp_path)

    def run(username: str) -> Callable[[], Any]:
        def call() -> Any:
            client = APIClient()
            client.force_authenticate(user(username))
            client.raise_request_exception = False
            return client.post(PREPARE, {"organization": org("县财政局").pk}, format="json")
        return call

    with meeting_before(Disclosure, "save", parties=2):
        answers = run_together([run("finance_clerk"), run("finance_secretary")],
                               database=database)
    assert [getattr(a, "status_code", 500) for a in answers] == [201, 201], answers
    source = f"orglife.meeting:{meeting.pk}"
    count = in_thread(lambda: Disclosure.objects.filter(source=source).count(),
                      database=database)
    assert count == 1
