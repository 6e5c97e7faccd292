"""Two writers at once, in real threads (issue 10): no 500 and no "database is locked".

Two notices issued at the same moment take consecutive numbers (the year's counter row is
locked while a number is taken); two edits of a measure with the same version give one 200
and one 409. Each writer is held just before it saves until the other arrives, so that the
writes would clash if nothing serialised them. On PostgreSQL run with DATABASE_URL.
"""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.oversight.models import Measure, Notice
from tests.concurrency import database_file, in_thread, meeting_before, run_together

pytestmark = pytest.mark.django_db(transaction=True)


def _answer(response: Any) -> tuple[int, Any]:
    if isinstance(response, Exception):
        return 500, repr(response)
    return response.status_code, response.json()


@pytest.fixture
def client_of(committed_demo: None, api_as: Callable[[str], APIClient]
              ) -> Callable[[str], APIClient]:
    def make(username: str) -> APIClient:
        client = api_as(username)
        client.raise_request_exception = False  # a 500 is an answer here, to be asserted on
        return client

    return make


def test_two_notices_issued_at_once_take_consecutive_numbers(
    client_of: Callable[[str], APIClient], user: Callable[[str], Any], today: date,
    raise_finding: Callable[..., dict], tmp_path: Path,
) -> None:
    inspector = client_of("inspector")
    drafts = [inspector.post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [raise_finding()["id"]],
        "reply_due": str(today + timedelta(days=5))}, format="json").json()["id"]
        for _ in range(2)]
    database = database_file(tmp_path)

    def issue(pk: int) -> Callable[[], Any]:
        return lambda: client_of("inspector").post(f"/api/v1/notices/{pk}/issue/")

    with meeting_before(Notice, "save", parties=2):
        answers = [_answer(r) for r in run_together([issue(pk) for pk in drafts],
                                                      database=database)]
    assert [status for status, _ in answers] == [200, 200], answers
    numbers = in_thread(lambda: sorted(Notice.objects.filter(pk__in=drafts)
                                       .values_list("sequence", flat=True)), database=database)
    assert numbers[1] == numbers[0] + 1


def test_two_edits_with_the_same_version_give_one_200_and_one_409(
    client_of: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict], tmp_path: Path,
) -> None:
    measure = add_measure(raise_finding())
    url = f"/api/v1/measures/{measure['id']}/"
    database = database_file(tmp_path)

    def edit(username: str, criterion: str) -> Callable[[], Any]:
        return lambda: client_of(username).patch(
            url, {"criterion": criterion, "version": measure["version"]}, format="json")

    with meeting_before(Measure, "save", parties=2):
        answers = [_answer(r) for r in run_together(
            [edit("finance_clerk", "制度印发"), edit("finance_secretary", "另一标准")],
            database=database)]
    statuses = sorted(status for status, _ in answers)
    assert statuses == [200, 409], answers
    refused = next(body for status, body in answers if status == 409)
    assert refused["detail"] == "该记录已被他人修改，请刷新后再提交"
    saved = in_thread(lambda: Measure.objects.get(pk=measure["id"]), database=database)
    winner = next(body for status, body in answers if status == 200)
    assert (saved.criterion, saved.version) == (winner["criterion"], measure["version"] + 1)
