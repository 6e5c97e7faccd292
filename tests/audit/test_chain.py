from collections.abc import Callable

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.audit.services import GENESIS_HASH, record, verify_chain

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(user: Callable[[str], User]) -> list[AuditEvent]:
    actor = user("finance_clerk")
    return [record(actor=actor, action=f"test.step{i}", after={"i": i}) for i in range(3)]


def test_each_event_links_to_the_previous_one(events: list[AuditEvent]) -> None:
    assert events[1].prev_hash == events[0].hash and events[2].prev_hash == events[1].hash
    assert AuditEvent.objects.order_by("id").first().prev_hash == GENESIS_HASH


def test_verify_passes_on_an_untouched_chain(events: list[AuditEvent], capsys: object) -> None:
    call_command("audit", "verify")
    assert verify_chain().first_bad is None
    assert verify_chain().checked == AuditEvent.objects.count()


def test_verify_names_the_first_tampered_event(events: list[AuditEvent]) -> None:
    with connection.cursor() as cursor:  # what an attacker with database access would do
        cursor.execute(
            f"UPDATE {AuditEvent._meta.db_table} SET username = %s WHERE id = %s",
            ["someone_else", events[1].pk],
        )
    with pytest.raises(CommandError, match=f"事件 #{events[1].pk}.*篡改"):
        call_command("audit", "verify")


def test_verify_notices_a_deleted_event(events: list[AuditEvent]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s", [events[1].pk])
    report = verify_chain()
    assert report.first_bad is not None and report.first_bad.pk == events[2].pk
    assert "删除" in report.reason


def test_verify_notices_the_newest_event_deleted(events: list[AuditEvent]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s", [events[2].pk])
    assert "链尾" in verify_chain().reason


def test_the_application_offers_no_way_to_edit_or_delete_events(
    events: list[AuditEvent],
) -> None:
    with pytest.raises(PermissionError):
        events[0].save()
    with pytest.raises(PermissionError):
        events[0].delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.filter(pk=events[0].pk).update(action="x")
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
