"""``dangjian restore DIR``: fill an empty database (and MEDIA_ROOT) from a checked backup.

Every check runs before anything is written: the manifest, the backup's engine, the target
database's emptiness (``database.user_relations``), and that no evidence file would overwrite a
different one. A refusal therefore changes nothing; the restore itself is audited in the
restored database, where its chain continues.
"""

import json
import shutil
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection

from dangjian.audit.models import AuditEvent
from dangjian.audit.services import record

from . import database
from .backup import FORMAT, INFO, MEDIA
from .manifest import MANIFEST, problems, sha256_file


class RestoreRefused(Exception):
    """Nothing was restored; the message says why, in Chinese."""


@dataclass(frozen=True)
class RestoreReport:
    engine: str
    media_files: int
    seconds: float


def restore(*, directory: Path, actor: Any = None, username: str = "") -> RestoreReport:
    started = time.perf_counter()
    try:
        info = _checked_backup(directory)
        media = _media_plan(directory / str(info.get("media", MEDIA)))
        _load_database(directory, str(info["database"]))
    except RestoreRefused as exc:
        _audit_refusal(directory, str(exc), actor, username)
        raise
    for source, target in media:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    record(actor=actor, username=username, action="ops.restore",
           after={"directory": str(directory.resolve()), "engine": info["engine"],
                  "backup_created_at": info.get("created_at"), "media_files": len(media),
                  "manifest_sha256": sha256_file(directory / MANIFEST)})
    return RestoreReport(str(info["engine"]), len(media), time.perf_counter() - started)


def _load_database(directory: Path, file_name: str) -> None:
    try:
        database.load(directory, file_name)
    except (database.DatabaseCopyError, DatabaseError, sqlite3.Error) as exc:
        raise RestoreRefused(f"数据库恢复失败：{exc}") from exc


def _audit_refusal(directory: Path, reason: str, actor: Any, username: str) -> None:
    """A refused restore over a live dangjian database is a security event; an empty target
    has no audit log to write to, and writing one would make it non-empty."""
    try:
        if AuditEvent._meta.db_table not in connection.introspection.table_names():
            return
    except DatabaseError:
        return
    record(actor=actor, username=username, action="ops.restore", success=False,
           after={"directory": str(directory), "reason": reason})


def _checked_backup(directory: Path) -> dict[str, Any]:
    """The backup's ``backup.json`` once the manifest and the target database pass."""
    if not (directory / INFO).is_file():
        raise RestoreRefused(f"{directory} 不是有效的备份目录（缺少 {INFO}）")
    found = problems(directory)
    if found:
        raise RestoreRefused("备份清单校验失败，拒绝恢复：" + "；".join(found))
    info: dict[str, Any] = json.loads((directory / INFO).read_text(encoding="utf-8"))
    if info.get("format") != FORMAT:
        raise RestoreRefused(f"无法识别的备份格式：{info.get('format')}")
    try:
        _check_target(str(info.get("engine")))
    except database.DatabaseCopyError as exc:
        raise RestoreRefused(str(exc)) from exc
    except DatabaseError as exc:
        raise RestoreRefused(f"无法连接 DATABASE_URL 指定的目标数据库：{exc}") from exc
    return info


def _check_target(backup_engine: str) -> None:
    here = database.engine()
    if backup_engine != here:
        raise RestoreRefused(
            f"备份来自 {backup_engine}，不能恢复到 {here} 数据库（不支持跨数据库类型恢复）"
        )
    existing = database.user_relations()
    if existing:
        raise RestoreRefused(
            f"目标数据库不是空库（已有 {len(existing)} 个表或视图，如 {existing[0]}），拒绝恢复；"
            "请新建一个空数据库，并通过 DATABASE_URL 指定它"
        )
    if here == "sqlite":
        database.sqlite_path()  # refuses an in-memory database


def _media_plan(source_root: Path) -> list[tuple[Path, Path]]:
    """(source, target) pairs; refuses if a restored file would replace a different one."""
    target_root = Path(settings.MEDIA_ROOT)
    plan = []
    for source in sorted(p for p in source_root.rglob("*") if p.is_file()):
        target = target_root / source.relative_to(source_root)
        if target.exists() and sha256_file(target) != sha256_file(source):
            raise RestoreRefused(f"媒体目录中已有内容不同的同名文件：{target}，拒绝覆盖")
        plan.append((source, target))
    return plan
