"""回头看 (issue 13, item 14): a closed finding's ``recheck_on`` reminds its inspectors and puts
a to-do on their 工作台; the inspector records the recheck once (巩固 or 反弹), and a relapse
opens a new finding marked 屡查屡犯 (``repeat_of``)."""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.notifications.models import Notification
from dangjian.oversight.models import Finding, Recheck
from dangjian.oversight.models.findings import FindingStatus
from dangjian.oversight.services.rechecks import remind_due
from dangjian.oversight.todos import todos
from tests.concurrency import database_file, in_thread, meeting_before, run_together

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_finding(raise_finding: Callable[..., dict], today: date) -> Callable[..., Finding]:
    """A finding closed 100 days ago whose 回头看 day came ``due_days_ago`` days ago."""

    def make(due_days_ago: int = 5, unit: str = "县财政局") -> Finding:
        finding = raise_finding(unit, discovered_on=str(today - timedelta(days=120)))
        Finding.objects.filter(pk=finding["id"]).update(
            status=FindingStatus.CLOSED, closed_on=today - timedelta(days=100),
            recheck_on=today - timedelta(days=due_days_ago))
        return Finding.objects.get(pk=finding["id"])

    return make


def _recheck(client: APIClient, finding: Finding, **body: Any) -> Any:
    return client.post(f"/api/v1/findings/{finding.pk}/recheck/",
                       {"checked_on": str(timezone.localdate()), "result": "巩固", **body},
                       format="json")


def test_a_held_recheck_is_recorded_once(api_as: Callable[[str], APIClient],
                                         closed_finding: Callable[..., Finding],
                                         user: Callable[[str], User]) -> None:
    finding = closed_finding()
    response = _recheck(api_as("inspector"), finding, note="制度执行良好")
    assert response.status_code == 201, response.content
    done = Recheck.objects.get(finding=finding)
    assert (done.result, done.checked_by, done.note, done.relapse) == (
        "巩固", user("inspector"), "制度执行良好", None)
    events = AuditEvent.objects.filter(action="finding.recheck", object_id=str(finding.pk))
    assert events.count() == 1
    twice = _recheck(api_as("inspector"), finding)
    assert twice.status_code == 400 and "已经回头看过" in twice.json()["detail"]
    assert Recheck.objects.filter(finding=finding).count() == 1


def test_a_relapse_opens_a_repeat_finding(api_as: Callable[[str], APIClient],
                                          closed_finding: Callable[..., Finding],
                                          today: date) -> None:
    finding = closed_finding()
    before = Finding.objects.count()
    response = _recheck(api_as("inspector"), finding, result="反弹",
                        note="专项资金又有两笔未经集体研究")
    assert response.status_code == 201, response.content
    relapse = Finding.objects.get(pk=response.json()["relapse"])
    assert Finding.objects.count() == before + 1
    assert relapse.repeat_of == finding
    assert (relapse.organization, relapse.category, relapse.status) == (
        finding.organization, finding.category, FindingStatus.OPEN)
    assert relapse.discovered_on == today and "两笔未经集体研究" in relapse.description
    assert Finding.objects.get(pk=finding.pk).status == FindingStatus.CLOSED


def test_a_relapse_without_a_note_is_refused_and_writes_nothing(
    api_as: Callable[[str], APIClient], closed_finding: Callable[..., Finding],
) -> None:
    finding = closed_finding()
    before = Finding.objects.count()
    response = _recheck(api_as("inspector"), finding, result="反弹")
    assert response.status_code == 400
    assert "反弹情况" in str(response.json())
    assert Finding.objects.count() == before and not Recheck.objects.exists()


@pytest.mark.parametrize(("due_days_ago", "body", "message"), [
    (-3, {}, "回头看日期未到"),
    (5, {"checked_on": "2099-01-01"}, "日期"),
    (5, {"checked_on": "2000-01-01"}, "不能早于销号日期"),
    (5, {"result": "大概好了"}, "result"),
])
def test_edge_dates_and_values_are_refused(
    api_as: Callable[[str], APIClient], closed_finding: Callable[..., Finding],
    due_days_ago: int, body: dict, message: str,
) -> None:
    response = _recheck(api_as("inspector"), closed_finding(due_days_ago), **body)
    assert response.status_code == 400
    assert message in str(response.json())
    assert not Recheck.objects.exists()


def test_an_open_finding_is_not_rechecked(api_as: Callable[[str], APIClient],
                                          raise_finding: Callable[..., dict]) -> None:
    finding = Finding.objects.get(pk=raise_finding()["id"])
    response = _recheck(api_as("inspector"), finding)
    assert response.status_code == 400 and "已销号" in response.json()["detail"]


def test_the_role_below_and_another_scope_are_refused(
    api_as: Callable[[str], APIClient], closed_finding: Callable[..., Finding],
) -> None:
    finding = closed_finding()
    assert _recheck(api_as("finance_clerk"), finding).status_code == 403
    assert _recheck(api_as("finance_secretary"), finding).status_code == 403
    assert _recheck(api_as("edu_clerk"), finding).status_code == 404
    assert not Recheck.objects.exists()


def test_the_daily_reminder_tells_the_inspector_once_and_fills_his_workbench(
    closed_finding: Callable[..., Finding], user: Callable[[str], User],
    api_as: Callable[[str], APIClient], today: date,
) -> None:
    due, later = closed_finding(), closed_finding(due_days_ago=-10)
    inspector = user("inspector")
    first = remind_due(today=today)
    assert first.due >= 1 and first.reminded >= 1
    keys = set(Notification.objects.filter(recipient=inspector, kind="finding.recheck_due")
               .values_list("dedupe_key", flat=True))
    assert f"finding:{due.pk}:recheck_due" in keys
    assert f"finding:{later.pk}:recheck_due" not in keys
    again = remind_due(today=today)
    assert again.reminded == 0
    card = next(t for t in todos(inspector) if t.label == "问题待回头看")
    assert card.count == first.due and "recheck_due=1" in card.url
    _recheck(api_as("inspector"), due)
    after = next(t for t in todos(inspector) if t.label == "问题待回头看")
    assert after.count == card.count - 1
    assert not [t for t in todos(user("finance_clerk")) if t.label == "问题待回头看"]


def test_the_page_records_a_relapse_and_the_finding_offers_it_only_when_due(
    closed_finding: Callable[..., Finding], user: Callable[[str], User], today: date,
) -> None:
    inspector, clerk = Client(), Client()
    inspector.force_login(user("inspector"))
    clerk.force_login(user("finance_clerk"))
    early, finding = closed_finding(due_days_ago=-10), closed_finding()
    early_page = inspector.get(f"/oversight/findings/{early.pk}/").content.decode()
    assert f"/oversight/findings/{early.pk}/recheck/" not in early_page
    detail = inspector.get(f"/oversight/findings/{finding.pk}/").content.decode()
    assert f"/oversight/findings/{finding.pk}/recheck/" in detail
    assert "/recheck/" not in clerk.get(f"/oversight/findings/{finding.pk}/").content.decode()
    assert clerk.get(f"/oversight/findings/{finding.pk}/recheck/").status_code == 403
    page = inspector.get(f"/oversight/findings/{finding.pk}/recheck/")
    assert page.status_code == 200 and "回头看" in page.content.decode()
    refused = inspector.post(f"/oversight/findings/{finding.pk}/recheck/",
                             {"checked_on": today.isoformat(), "result": "反弹", "note": ""})
    assert refused.url == f"/oversight/findings/{finding.pk}/recheck/"
    assert not Recheck.objects.exists()
    done = inspector.post(f"/oversight/findings/{finding.pk}/recheck/",
                          {"checked_on": today.isoformat(), "result": "反弹", "note": "再次发生"})
    relapse = Recheck.objects.get(finding=finding).relapse
    assert relapse is not None and done.url == f"/oversight/findings/{relapse.pk}/"
    assert "屡查屡犯" in inspector.get(done.url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_rechecks_at_once_record_one(
    committed_demo: None, api_as: Callable[[str], APIClient],
    closed_finding: Callable[..., Finding], tmp_path: Path,
) -> None:
    finding = closed_finding()
    database = database_file(tmp_path)

    def go() -> Any:
        client = api_as("inspector")
        client.raise_request_exception = False
        return _recheck(client, finding, result="反弹", note="同时登记")

    with meeting_before(Recheck, "save", parties=2):
        answers = run_together([go, go], database=database)
    statuses = sorted(getattr(a, "status_code", 500) for a in answers)
    assert statuses == [201, 400], answers
    counts = in_thread(lambda: (Recheck.objects.filter(finding=finding).count(),
                                Finding.objects.filter(repeat_of=finding,
                                                       relapse_of__isnull=False).count()),
                       database=database)
    assert counts == (1, 1)
