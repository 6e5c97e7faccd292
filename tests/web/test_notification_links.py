"""Every kind of notification the platform sends, rendered through the code that sends it,
and its link followed as its recipient: the page opens, and the anchor it names is there."""

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.notifications.models import Notification
from dangjian.openness.models import Disclosure
from dangjian.openness.services import disclosures as openness
from dangjian.orglife.models import Meeting
from dangjian.orglife.services.reminders import remind_monthly
from dangjian.orglife.services.rollups import rollups_rebuild
from dangjian.oversight.models import Escalation, Finding, Measure
from dangjian.oversight.models.findings import FindingStatus
from dangjian.oversight.services import escalation
from dangjian.oversight.services.rechecks import remind_due
from dangjian.oversight.services.selfchecks import self_checks_send
from dangjian.tasks.models import Reminder, Task
from dangjian.tasks.services import reminders
from tests.tasks.conftest import deploy, government, speech

from .walk import make_objects

__all__ = ["deploy", "government", "speech"]

pytestmark = pytest.mark.django_db
SRC = Path(__file__).resolve().parents[2] / "src" / "dangjian"


@pytest.fixture
def today() -> date:
    return timezone.localdate()


def kinds_in_the_code() -> set[str]:
    """The ``kind`` of every ``notify(...)`` call in the source; ``task.{kind}`` stands for
    each reminder kind."""
    kinds: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r"\bnotify\(", text):
            found = re.search(r'kind=f?"([^"]+)"', text[call.end():call.end() + 400])
            if found and "notifications" not in path.parts:
                kinds.add(found.group(1))
    assert "task.{kind}" in kinds
    kinds.remove("task.{kind}")
    # The ACCOUNTABILITY step notifies nobody itself: it raises a 问责建议 (core.proposals),
    # whose notice is oversight's own kind.
    return kinds | {f"task.{kind}" for kind in Reminder.Kind.values
                    if kind != Reminder.Kind.ACCOUNTABILITY}


def _published(clerk: User, secretary: User, unit: Any, today: date) -> Disclosure:
    made = openness.disclosure_create(actor=clerk, organization=unit, title="部门预算",
                                      body="预算", matter_on=today, domain="政务",
                                      audience="向社会", channel="网站")
    openness.disclosure_submit(actor=clerk, disclosure=made)
    for step in (openness.disclosure_review, openness.disclosure_approve):
        step(actor=secretary, disclosure=made, decision="accept")
    return openness.disclosure_publish(actor=clerk, disclosure=made)


def test_every_notification_links_to_a_page_its_recipient_can_open(
    api_as: Callable[[str], APIClient], user: Callable[[str], User], org: Callable[[str], Any],
    deploy: Callable[..., dict], speech: str, today: date,
) -> None:
    make_objects(api_as, user, org, deploy, speech, today)  # notice, task assigned, 申请办结
    asked = Task.objects.exclude(completion_requested_on=None).latest("id")
    reviewed = [api_as(who).post(f"/api/v1/tasks/{asked.pk}/review/", {
        "decision": "return", "comment": "佐证不足"}, format="json").status_code
        for who in ("vice_head", "county_head")]
    assert 200 in reviewed, reviewed  # the assigning side returns it: the lead unit is told
    measure = Measure.objects.latest("id")
    clerk, inspector = api_as("finance_clerk"), api_as("inspector")
    clerk.post(f"/api/v1/measures/{measure.pk}/progress/", {"text": "推进中"}, format="json")
    clerk.post(f"/api/v1/measures/{measure.pk}/submit/")
    returned = inspector.post(f"/api/v1/measures/{measure.pk}/verify/", {
        "decision": "return", "comment": "佐证不全"}, format="json")
    assert returned.status_code == 200, returned.content
    for step in Escalation.Step.values:  # each escalation step's own notice
        escalation.ACTIONS[step](Measure.objects.select_related("finding").get(pk=measure.pk))
    self_checks_send(actor=user("inspector"), finding=Finding.objects.latest("id"),
                     due_on=today + timedelta(days=7), units=[org("县教育局")])
    task = Task.objects.filter(lead_unit__name="县财政局").latest("id")
    for send in reminders.ACTIONS.values():
        send(task, task.due_on.isoformat(), today)  # the key: the due date (or period)
    branch = org("县财政局机关第一党支部")  # a month with nothing held yet: 组织生活待办
    Meeting.objects.filter(organization=branch, held_on__year=today.year,
                           held_on__month=today.month).delete()
    rollups_rebuild(organization_ids=[branch.pk], year=today.year)
    remind_monthly(today=today)
    closed = Finding.objects.latest("id")  # 回头看 due today: its inspectors are reminded
    Finding.objects.filter(pk=closed.pk).update(status=FindingStatus.CLOSED,
                                                closed_on=today - timedelta(days=90),
                                                recheck_on=today)
    assert remind_due(today=today).reminded >= 1
    shown = _published(user("finance_clerk"), user("finance_secretary"), org("县财政局"), today)
    # a public message on it: the unit's clerk is told
    assert APIClient().post(f"/api/v1/public/disclosures/{shown.pk}/feedback/",
                            {"text": "请公开明细"}, format="json").status_code == 201

    sent = Notification.objects.select_related("recipient")
    assert kinds_in_the_code() <= set(sent.values_list("kind", flat=True))
    broken = []
    for notification in sent.order_by("kind", "id"):
        client = Client()
        client.force_login(notification.recipient)
        link = urlsplit(notification.link)
        page = client.get(link.path, follow=True)
        html = page.content.decode()
        if page.status_code != 200:
            broken.append(f"{notification.kind} {notification.link}: {page.status_code}")
        elif link.fragment and f'id="{link.fragment}"' not in html:
            broken.append(f"{notification.kind} {notification.link}: no #{link.fragment} "
                          f"for {notification.recipient}")
        inbox = client.get("/inbox/").content.decode()
        assert notification.title in inbox
    assert not broken, "\n".join(broken)
