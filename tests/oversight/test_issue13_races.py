"""Two writers at once on the issue-13 writes: a notice replied twice with its actions, and a
plan linked to a campaign twice. One answer wins, the other is refused, nothing is doubled."""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.oversight.models import CampaignPlan, Notice, NoticeAction
from tests.concurrency import database_file, in_thread, meeting_before, run_together
from tests.tasks.test_scope import _plan

pytestmark = pytest.mark.django_db(transaction=True)


def _status(response: Any) -> int:
    return 500 if isinstance(response, Exception) else int(response.status_code)


@pytest.fixture
def client_of(committed_demo: None, api_as: Callable[[str], APIClient]
              ) -> Callable[[str], APIClient]:
    def make(username: str) -> APIClient:
        client = api_as(username)
        client.raise_request_exception = False
        return client

    return make


def test_a_notice_replied_twice_at_once_keeps_one_reply_and_its_actions(
        client_of: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
        raise_finding: Callable[..., dict], tmp_path: Path) -> None:
    inspector = client_of("inspector")
    notice = inspector.post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [raise_finding()["id"]],
        "reply_due": str(today + timedelta(days=5))}, format="json").json()
    inspector.post(f"/api/v1/notices/{notice['id']}/issue/")
    client_of("vice_head").post(f"/api/v1/notices/{notice['id']}/acknowledge/")
    database = database_file(tmp_path)
    body = {"text": "已约谈", "actions": [{"kind": "约谈提醒", "taken_on": str(today),
                                          "person": user("finance_secretary").person_id}]}

    def reply() -> Any:
        return client_of("vice_head").post(f"/api/v1/notices/{notice['id']}/reply/", body,
                                           format="json")

    with meeting_before(Notice, "save", parties=2):
        statuses = sorted(_status(r) for r in run_together([reply, reply], database=database))
    assert statuses == [200, 400]
    assert in_thread(lambda: NoticeAction.objects.count(), database=database) == 1


def test_a_plan_linked_twice_at_once_is_linked_once(
        client_of: Callable[[str], APIClient], today: date, tmp_path: Path) -> None:
    campaign = client_of("inspector").post("/api/v1/rectification-campaigns/", {
        "name": "专项整治", "starts_on": str(today), "ends_on": str(today + timedelta(30)),
        "basis": "讲话"}, format="json").json()
    plan = _plan("县财政局")
    database = database_file(tmp_path)

    def link() -> Any:
        return client_of("inspector").post(
            f"/api/v1/rectification-campaigns/{campaign['id']}/plans/", {"plan": plan.pk},
            format="json")

    with meeting_before(CampaignPlan, "save", parties=2):
        statuses = sorted(_status(r) for r in run_together([link, link], database=database))
    assert statuses == [201, 400]
    assert in_thread(lambda: CampaignPlan.objects.count(), database=database) == 1
