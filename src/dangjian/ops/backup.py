"""``dangjian backup DIR``: the database, the evidence files (MEDIA_ROOT) and a manifest."""

import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from dangjian.audit.services import record

from . import database
from .manifest import sha256_file, write_manifest

FORMAT = "dangjian-backup/1"
INFO = "backup.json"
MEDIA = "media"


class BackupRefused(Exception):
    """The backup was not taken; the message says why, in Chinese."""


@dataclass(frozen=True)
class BackupReport:
    directory: Path
    engine: str
    files: int
    bytes: int
    seconds: float


def backup(*, directory: Path, actor: Any = None, username: str = "") -> BackupReport:
    started = time.perf_counter()
    try:
        _check_target(directory)
        engine = _take(directory)
    except (BackupRefused, database.DatabaseCopyError) as exc:
        record(actor=actor, username=username, action="ops.backup", success=False,
               after={"directory": str(directory), "reason": str(exc)})
        raise BackupRefused(str(exc)) from exc
    manifest = write_manifest(directory)
    files = [p for p in directory.rglob("*") if p.is_file()]
    report = BackupReport(directory, engine, len(files), sum(p.stat().st_size for p in files),
                          time.perf_counter() - started)
    record(actor=actor, username=username, action="ops.backup",
           after={"directory": str(directory.resolve()), "engine": engine, "files": report.files,
                  "bytes": report.bytes, "manifest_sha256": sha256_file(manifest)})
    return report


def _take(directory: Path) -> str:
    engine = database.engine()
    created = not directory.exists()
    directory.mkdir(parents=True, exist_ok=True)
    try:
        # Database first, files second: a file uploaded meanwhile is an orphan in the copy,
        # never a row whose file is missing.
        db_file = database.dump(directory)
        media_files = _copy_media(directory / MEDIA)
        _write_info(directory, engine=engine, database_file=db_file, media_files=media_files)
    except BaseException:
        if created:
            shutil.rmtree(directory, ignore_errors=True)  # no half backup that looks whole
        raise
    return engine


def _check_target(directory: Path) -> None:
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupRefused(f"备份目录 {directory} 已存在且不为空，请指定一个新的空目录")


def _copy_media(target: Path) -> int:
    source = Path(settings.MEDIA_ROOT)
    if not source.is_dir():
        target.mkdir()
        return 0
    shutil.copytree(source, target, symlinks=False)
    return sum(1 for p in target.rglob("*") if p.is_file())


def _write_info(directory: Path, *, engine: str, database_file: str, media_files: int) -> None:
    info = {"format": FORMAT, "engine": engine, "database": database_file, "media": MEDIA,
            "media_files": media_files, "created_at": timezone.now().isoformat()}
    (directory / INFO).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n",
                                  encoding="utf-8")

