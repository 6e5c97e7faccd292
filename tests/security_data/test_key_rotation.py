"""Field-key rotation (issue 6, item 4): batches, resumable, audited, look-ups never break."""

from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import override_settings

from dangjian.audit.models import AuditEvent
from dangjian.core import crypto
from dangjian.keys import services as keys
from dangjian.keys.management.commands.keys import Command as KeysCommand
from dangjian.people.models import Person
from dangjian.people.services import person_create, person_find_by_id_number, person_unmask

pytestmark = pytest.mark.django_db


@pytest.fixture
def rotated_keyring() -> Iterator[str]:
    """The demo's key as v1 and a new current key v2: the state right after a key change."""
    with override_settings(DANGJIAN_FIELD_KEYS=f"v2:new-secret,v1:{settings.DANGJIAN_FIELD_KEY}"):
        yield "v2"


def _plain(person: Person) -> str:
    return crypto.decrypt_field(person.id_number_encrypted)


def test_rotation_in_stopped_runs_moves_every_person_and_keeps_lookups(
    rotated_keyring: str, user: Any,
) -> None:
    total = Person.objects.count()
    first, last = Person.objects.order_by("pk").first(), Person.objects.order_by("pk").last()
    assert first is not None and last is not None
    numbers = {first.pk: _plain(first), last.pk: _plain(last)}
    report = keys.rotate_personal_data(batch_size=200, max_batches=2)
    assert (report.rotated, report.batches, report.remaining) == (400, 2, total - 400)
    assert keys.key_status() == {"v2": 400, "v1": total - 400}
    # Mid-rotation: a rotated and an unrotated person are both found and both decrypt.
    for pk, number in numbers.items():
        found = person_find_by_id_number(number)
        assert found is not None and found.pk == pk and _plain(found) == number
    report = keys.rotate_personal_data(batch_size=500)  # the rerun picks up the rest
    assert report.rotated == total - 400 and report.remaining == 0
    assert keys.key_status() == {"v2": total, "v1": 0}  # v1 may now be retired
    with override_settings(DANGJIAN_FIELD_KEYS="v2:new-secret"):  # the old key retired
        for pk, number in numbers.items():
            found = person_find_by_id_number(number)
            assert found is not None and found.pk == pk
            assert person_unmask(actor=user("finance_secretary"), person=found).id_number == number


def test_each_batch_writes_one_audit_event_with_counts_and_no_personal_data(
    rotated_keyring: str,
) -> None:
    person = Person.objects.order_by("pk").first()
    assert person is not None
    number = _plain(person)
    before = AuditEvent.objects.filter(action="keys.rotate").count()
    keys.rotate_personal_data(batch_size=300, max_batches=3, username="命令行:test")
    events = list(AuditEvent.objects.filter(action="keys.rotate").order_by("pk"))[before:]
    assert [e.after["count"] for e in events] == [300, 300, 300]
    assert events[0].after["to"] == "v2" and events[0].after["from"] == {"v1": 300}
    assert events[0].after["first_id"] == person.pk and events[0].username == "命令行:test"
    assert all(number not in str(e.after) for e in events)


def test_a_batch_that_fails_rolls_back_whole_and_the_rerun_finishes(
    rotated_keyring: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_record, calls = keys.record, []

    def failing_second(**kwargs: Any) -> Any:
        calls.append(kwargs)
        if len(calls) == 2:
            raise RuntimeError("进程被中断")
        return real_record(**kwargs)

    monkeypatch.setattr(keys, "record", failing_second)
    with pytest.raises(RuntimeError):
        keys.rotate_personal_data(batch_size=100)
    assert keys.key_status()["v2"] == 100  # the first batch stayed, the second left no trace
    monkeypatch.setattr(keys, "record", real_record)
    assert keys.rotate_personal_data(batch_size=1000).remaining == 0


def test_a_stale_phone_alone_is_still_rotated(rotated_keyring: str) -> None:
    person = Person.objects.exclude(phone_encrypted="").order_by("pk").first()
    assert person is not None
    keys.rotate_personal_data()
    with override_settings(DANGJIAN_FIELD_KEYS=f"v1:{settings.DANGJIAN_FIELD_KEY}"):
        old_phone = crypto.encrypt_field("13800138000")
    Person.objects.filter(pk=person.pk).update(phone_encrypted=old_phone)
    assert keys.pending("v2").count() == 1
    assert keys.rotate_personal_data().rotated == 1
    person.refresh_from_db()
    assert crypto.key_version(person.phone_encrypted) == "v2"


def test_a_duplicate_under_the_old_key_is_refused_mid_rotation(
    rotated_keyring: str, user: Any,
) -> None:
    person = Person.objects.order_by("pk").first()
    assert person is not None and crypto.key_version(person.id_number_encrypted) == "v1"
    with pytest.raises(ValidationError, match="已登记"):
        person_create(actor=user("finance_clerk"), name="重复", id_number=_plain(person),
                      organization=person.organization)


def test_a_value_under_an_unknown_key_stops_the_batch_with_a_chinese_message() -> None:
    with override_settings(DANGJIAN_FIELD_KEYS="v3:someone-elses-secret"):
        before = keys.key_status()
        out = StringIO()
        with pytest.raises(CommandError, match=r"密钥操作被拒绝.*v1.*保留旧密钥"):
            call_command(KeysCommand(), "rotate", stdout=out)
        assert keys.key_status() == before


def test_the_command_reports_progress_in_chinese(rotated_keyring: str) -> None:
    out = StringIO()
    call_command(KeysCommand(), "rotate", "--batch-size", "100", "--max-batches", "1", stdout=out)
    assert "已将 100 人" in out.getvalue() and "再次运行本命令即可继续" in out.getvalue()
    out = StringIO()
    call_command(KeysCommand(), "status", stdout=out)
    assert "当前密钥版本：v2" in out.getvalue() and "v2：100 人" in out.getvalue()
