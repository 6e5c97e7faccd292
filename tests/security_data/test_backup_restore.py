"""Backup and restore refusals (issue 6, item 6): each a Chinese message that changes nothing.
The whole round trip is the drill in ``test_drill.py``."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from dangjian.audit.models import AuditEvent
from dangjian.ops.backup import FORMAT, BackupRefused, backup
from dangjian.ops.database import DatabaseCopyError, sqlite_file
from dangjian.ops.management.commands.restore import Command as RestoreCommand
from dangjian.ops.manifest import problems, write_manifest
from dangjian.ops.restore import RestoreRefused, restore
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_backup(tmp_path: Path) -> Path:
    """A well-formed backup folder for this engine (the database file is a stand-in)."""
    root = tmp_path / "backup"
    (root / "media" / "evidence").mkdir(parents=True)
    (root / "media" / "evidence" / "a.pdf").write_bytes(b"%PDF-1.4\n")
    (root / "database.bin").write_bytes(b"not a real database")
    info = {"format": FORMAT, "engine": connection.vendor, "database": "database.bin",
            "media": "media", "media_files": 1, "created_at": "2026-01-01T00:00:00+08:00"}
    (root / "backup.json").write_text(json.dumps(info), encoding="utf-8")
    write_manifest(root)
    return root


def test_the_manifest_is_sha256sum_format(fake_backup: Path) -> None:
    tool = shutil.which("sha256sum")
    assert tool is not None, "coreutils' sha256sum is part of every Debian machine"
    result = subprocess.run(  # noqa: S603  (coreutils, fixed arguments)
        [tool, "--check", "--strict", "MANIFEST.sha256"],
        cwd=fake_backup, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert problems(fake_backup) == []


def test_the_manifest_finds_changed_extra_and_missing_files(fake_backup: Path) -> None:
    (fake_backup / "database.bin").write_bytes(b"changed")
    (fake_backup / "media" / "evidence" / "a.pdf").unlink()
    (fake_backup / "media" / "planted.sh").write_text("echo")
    found = problems(fake_backup)
    assert "SHA-256 不符：database.bin" in found
    assert "清单之外的文件：media/planted.sh" in found
    assert "清单列出但缺失的文件：media/evidence/a.pdf" in found


def test_a_path_leaving_the_backup_is_refused(fake_backup: Path) -> None:
    manifest = fake_backup / "MANIFEST.sha256"
    manifest.write_text(manifest.read_text() + f"{'0' * 64}  ../../etc/passwd\n")
    assert "路径不安全" in problems(fake_backup)[0]


def test_a_restore_over_a_live_database_is_refused_and_audited(fake_backup: Path) -> None:
    organizations, events = Organization.objects.count(), AuditEvent.objects.count()
    with pytest.raises(CommandError, match="恢复被拒绝：目标数据库不是空库"):
        call_command(RestoreCommand(), str(fake_backup))
    assert Organization.objects.count() == organizations
    refusal = AuditEvent.objects.order_by("-pk").first()
    assert AuditEvent.objects.count() == events + 1
    assert refusal is not None and refusal.action == "ops.restore" and not refusal.success


def test_a_manifest_mismatch_is_refused_before_the_database_is_looked_at(
    fake_backup: Path,
) -> None:
    (fake_backup / "database.bin").write_bytes(b"swapped")
    with pytest.raises(RestoreRefused, match=r"备份清单校验失败.*SHA-256 不符：database\.bin"):
        restore(directory=fake_backup)


def test_a_backup_from_another_engine_is_refused(fake_backup: Path) -> None:
    info = json.loads((fake_backup / "backup.json").read_text())
    info["engine"] = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    (fake_backup / "backup.json").write_text(json.dumps(info))
    write_manifest(fake_backup)
    with pytest.raises(RestoreRefused, match="不支持跨数据库类型恢复"):
        restore(directory=fake_backup)


def test_a_folder_that_is_no_backup_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RestoreRefused, match="不是有效的备份目录"):
        restore(directory=tmp_path)


def test_a_backup_into_a_used_folder_is_refused_and_audited(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("someone's file")
    with pytest.raises(BackupRefused, match="已存在且不为空"):
        backup(directory=tmp_path, username="命令行:test")
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]
    refusal = AuditEvent.objects.order_by("-pk").first()
    assert refusal is not None and refusal.action == "ops.backup" and not refusal.success


@pytest.mark.parametrize(
    "name", [":memory:", "", "file:memorydb_default?mode=memory&cache=shared"])
def test_an_in_memory_database_has_no_file_to_back_up(name: str) -> None:
    with pytest.raises(DatabaseCopyError, match="内存中的 SQLite"):
        sqlite_file(name)


def test_a_database_file_is_backed_up_from_its_path(tmp_path: Path) -> None:
    assert sqlite_file(str(tmp_path / "db.sqlite3")) == tmp_path / "db.sqlite3"
