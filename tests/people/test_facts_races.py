"""The same facts sent twice at once (a double click, two tabs): the person's row is locked
while it is compared, so one request records the change and the other finds nothing to do,
on PostgreSQL and on SQLite alike. Each write is held just before it saves."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.people.models import Person
from tests.concurrency import database_file, in_thread, meeting_before, run_together

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_same_change_twice_at_once_is_recorded_once(
    committed_demo: None, api_as: Callable[[str], APIClient], tmp_path: Path,
) -> None:
    person = User.objects.get(username="member").person
    Person.objects.filter(pk=person.pk).update(education="高中", in_hardship=False)
    database = database_file(tmp_path)

    def patch() -> Any:
        client = api_as("finance_clerk")
        client.raise_request_exception = False
        return client.patch(f"/api/v1/persons/{person.pk}/facts/",
                            {"education": "大学专科", "in_hardship": True}, format="json")

    with meeting_before(Person, "save", parties=2):
        answers = run_together([patch, patch], database=database)

    assert [getattr(a, "status_code", a) for a in answers] == [200, 200]
    events = in_thread(lambda: list(AuditEvent.objects.filter(
        action="person.facts", object_id=str(person.pk)).values_list("before", "after")),
        database=database)
    assert events == [({"education": "高中", "front_line": person.front_line,
                        "in_hardship": False},
                       {"education": "大学专科", "front_line": person.front_line,
                        "in_hardship": True})]
