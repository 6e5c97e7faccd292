"""Signed archive segments, pruning, and verification across both (issue 6, item 5)."""

import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.archive import PruneRefused, archive_events, prune_archived, start_of_today
from dangjian.audit.chain import event_digest
from dangjian.audit.models import AuditArchive, AuditEvent, ChainHead
from dangjian.audit.segments import ArchiveError, signature_path
from dangjian.audit.services import GENESIS_HASH, record, verify_chain

pytestmark = pytest.mark.django_db
TABLE = AuditEvent._meta.db_table


def _soon() -> datetime:
    return timezone.now() + timedelta(seconds=1)


def _seven_months_on() -> datetime:
    return timezone.now() + timedelta(days=7 * 31)


@pytest.fixture
def events(user: Callable[[str], User]) -> list[AuditEvent]:
    actor = user("finance_clerk")
    return [record(actor=actor, action=f"test.step{i}", after={"i": i}) for i in range(3)]


@pytest.fixture
def archived(events: list[AuditEvent], tmp_path: Path) -> AuditArchive:
    archive = archive_events(directory=tmp_path, until=_soon())
    assert archive is not None
    return archive


def _sql(statement: str, params: list[object]) -> None:
    with connection.cursor() as cursor:  # what an attacker with database access would do
        cursor.execute(statement, params)


def test_a_segment_holds_every_event_from_genesis_and_is_signed(
    archived: AuditArchive, events: list[AuditEvent],
) -> None:
    path = Path(archived.path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert archived.first_prev_hash == GENESIS_HASH and lines[0]["prev_hash"] == GENESIS_HASH
    assert lines[-1]["id"] == events[-1].pk == archived.last_event_id
    assert len(lines) == archived.event_count == AuditEvent.objects.count() - 1  # + the archiving
    signature = json.loads(signature_path(path).read_text(encoding="utf-8"))
    assert signature["algorithm"] == "HMAC-SM3" and signature["sm3"] == archived.sm3
    made = AuditEvent.objects.get(action="audit.archive", object_id=str(archived.pk))
    assert made.after["last_event_id"] == events[-1].pk


def test_the_daily_run_archives_through_yesterday_only(events: list[AuditEvent],
                                                        tmp_path: Path) -> None:
    archive = archive_events(directory=tmp_path)  # None unless the suite began before midnight
    through = archive.last_event_id if archive else 0
    assert all(event.pk > through for event in events)  # today's events wait for tomorrow
    assert not AuditEvent.objects.filter(pk__lte=through, created_at__gte=start_of_today()).exists()


def test_the_next_segment_starts_where_the_last_ended(archived: AuditArchive,
                                                       tmp_path: Path) -> None:
    record(actor=None, action="test.later")
    second = archive_events(directory=tmp_path, until=_soon())
    assert second is not None and second.first_prev_hash == archived.last_hash
    assert second.first_event_id > archived.last_event_id
    assert archive_events(directory=tmp_path, until=_soon()) is not None  # the archiving event
    report = verify_chain()
    assert report.ok and report.archived == sum(a.event_count for a in AuditArchive.objects.all())


def test_verify_covers_the_archive_and_the_live_chain(archived: AuditArchive, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    report = verify_chain()
    assert report.ok and report.archived == archived.event_count
    assert report.checked == AuditEvent.objects.count()
    call_command("audit", "verify", "--dir", str(tmp_path))
    assert "归档段中" in capsys.readouterr().out


def test_a_changed_archive_file_is_caught(archived: AuditArchive) -> None:
    path = Path(archived.path)
    path.write_text(path.read_text(encoding="utf-8").replace("test.step1", "test.stepX"),
                    encoding="utf-8")
    report = verify_chain()
    assert not report.ok and "摘要不符" in report.reason and path.name in report.where
    with pytest.raises(CommandError, match=path.name):
        call_command("audit", "verify")


def test_a_changed_signature_or_a_wrong_key_is_caught(archived: AuditArchive) -> None:
    with override_settings(DANGJIAN_AUDIT_ARCHIVE_KEY="someone-elses-key"):
        assert "签名不符" in verify_chain().reason
    sig = signature_path(Path(archived.path))
    body = json.loads(sig.read_text(encoding="utf-8"))
    body["last_hash"] = "f" * 64
    sig.write_text(json.dumps(body), encoding="utf-8")
    assert "签名不符" in verify_chain().reason


def test_a_missing_segment_is_caught(archived: AuditArchive, tmp_path: Path) -> None:
    record(actor=None, action="test.later")
    archive_events(directory=tmp_path, until=_soon())
    _sql(f"DELETE FROM {AuditArchive._meta.db_table} WHERE id = %s", [archived.pk])
    assert "不连续" in verify_chain().reason


def test_a_moved_archive_is_verified_with_dir(archived: AuditArchive, tmp_path: Path) -> None:
    moved = tmp_path / "offsite"
    moved.mkdir()
    for path in (Path(archived.path), signature_path(Path(archived.path))):
        path.rename(moved / path.name)
    assert "不存在" in verify_chain().reason
    assert verify_chain(archive_dir=moved).ok


def test_archiving_refuses_to_sign_a_tampered_chain(events: list[AuditEvent],
                                                    tmp_path: Path) -> None:
    _sql(f"UPDATE {TABLE} SET username = %s WHERE id = %s", ["someone_else", events[1].pk])
    with pytest.raises(ArchiveError, match=f"事件 #{events[1].pk}"):
        archive_events(directory=tmp_path, until=_soon())
    assert not AuditArchive.objects.exists() and not list(tmp_path.iterdir())
    refusal = AuditEvent.objects.order_by("-pk").first()
    assert refusal is not None and refusal.action == "audit.archive" and not refusal.success


def _rewrite_from(event: AuditEvent, username: str) -> None:
    """Change an event and recompute every later hash and the chain head, as an attacker
    who knows the scheme would: the live chain alone then looks intact."""
    _sql(f"UPDATE {TABLE} SET username = %s WHERE id = %s", [username, event.pk])
    prev = event.prev_hash
    for later in AuditEvent.objects.filter(pk__gte=event.pk).order_by("pk"):
        later.prev_hash = prev
        prev = event_digest(later)
        _sql(f"UPDATE {TABLE} SET prev_hash = %s, hash = %s WHERE id = %s",
             [later.prev_hash, prev, later.pk])
    _sql(f"UPDATE {ChainHead._meta.db_table} SET last_hash = %s WHERE id = 1", [prev])


def test_rewriting_live_events_that_are_archived_is_caught(
    archived: AuditArchive, events: list[AuditEvent],
) -> None:
    _rewrite_from(events[1], "someone_else")
    report = verify_chain()
    assert not report.ok and "已签名的归档不一致" in report.reason


# Pruning: only what is archived and older than the retention, through one audited service.


def test_prune_keeps_everything_younger_than_the_retention(archived: AuditArchive) -> None:
    count = AuditEvent.objects.count()
    assert prune_archived().deleted == 0
    assert AuditEvent.objects.count() == count


def test_prune_deletes_only_archived_events_and_the_chain_still_verifies(
    archived: AuditArchive,
) -> None:
    unarchived = record(actor=None, action="test.after_archive")
    report = prune_archived(now=_seven_months_on(), username="命令行:test")
    assert report.deleted == archived.event_count
    assert report.up_to_event_id == archived.last_event_id
    assert AuditEvent.objects.filter(pk=unarchived.pk).exists()
    assert not AuditEvent.objects.filter(pk__lte=archived.last_event_id).exists()
    prune = AuditEvent.objects.order_by("-pk").first()
    assert prune is not None and prune.action == "audit.prune"
    assert prune.after["deleted"] == archived.event_count and prune.after["retention_months"] == 6
    verified = verify_chain()
    assert verified.ok, verified.reason
    assert verified.archived == archived.event_count


def test_a_deletion_after_the_archived_part_is_caught(archived: AuditArchive) -> None:
    prune_archived(now=_seven_months_on())
    first_live = AuditEvent.objects.order_by("pk").first()
    assert first_live is not None
    _sql(f"DELETE FROM {TABLE} WHERE id = %s", [first_live.pk])
    assert "未从已归档的链接续" in verify_chain().reason


def test_prune_refuses_when_the_archive_does_not_verify(archived: AuditArchive) -> None:
    Path(archived.path).write_text("", encoding="utf-8")
    count = AuditEvent.objects.count()
    with pytest.raises(PruneRefused, match="拒绝清理"):
        prune_archived(now=_seven_months_on())
    assert AuditEvent.objects.count() == count + 1  # only the refusal, recorded
    refusal = AuditEvent.objects.order_by("-pk").first()
    assert refusal is not None and refusal.action == "audit.prune" and not refusal.success


def test_the_archive_command_archives_then_prunes(events: list[AuditEvent], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    call_command("audit", "archive", "--dir", str(tmp_path), "--prune")
    out = capsys.readouterr().out
    assert "没有需要归档的事件" in out or "已归档事件" in out  # the latter only after midnight
    assert "无需清理" in out


def test_the_archive_models_refuse_edits(archived: AuditArchive) -> None:
    with pytest.raises(PermissionError):
        archived.save()
    with pytest.raises(PermissionError):
        AuditArchive.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()  # pruning goes through prune_archived only
