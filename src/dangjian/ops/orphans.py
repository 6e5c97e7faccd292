"""Stored files no row refers to (孤立文件), swept after a grace period.

An upload is written to storage before its row commits, so a process killed between the two
(the fault drill kills gunicorn workers mid-upload) leaves a file nobody refers to; a row
without its file cannot happen that way. The grace period keeps the sweep away from uploads
still in flight. Rows are the truth: a file is kept whenever any FileField names it.
"""

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models

from dangjian.audit.services import record

GRACE_SECONDS = 60 * 60


def referenced_names() -> set[str]:
    """Every storage name a FileField of any model holds."""
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                names.update(
                    model._default_manager.exclude(**{field.name: ""})
                    .values_list(field.name, flat=True).iterator(chunk_size=5000))
    return names


def _stored(root: Path) -> Iterator[tuple[str, Path]]:
    for path in root.rglob("*"):
        if path.is_file():
            yield path.relative_to(root).as_posix(), path


def find_orphans(*, grace_seconds: int = GRACE_SECONDS) -> list[Path]:
    """Files under MEDIA_ROOT older than the grace period that no row refers to."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    cutoff = time.time() - grace_seconds
    known = referenced_names()
    orphans = []
    for name, path in _stored(root):
        try:
            if name not in known and path.stat().st_mtime < cutoff:
                orphans.append(path)
        except FileNotFoundError:  # removed meanwhile (another sweep): nothing to do
            continue
    return sorted(orphans)


def sweep_orphans(*, actor: Any = None, username: str = "", dry_run: bool = False,
                  grace_seconds: int = GRACE_SECONDS) -> list[Path]:
    """Delete (or, dry run, only list) the orphans; the deletion is audited with the names."""
    orphans = find_orphans(grace_seconds=grace_seconds)
    if dry_run:
        return orphans
    root, deleted = Path(settings.MEDIA_ROOT), []
    try:
        for path in orphans:
            path.unlink(missing_ok=True)
            deleted.append(path)
    finally:  # what was deleted is audited even when a later file could not be
        if deleted:
            record(actor=actor, username=username, action="ops.sweep_files",
                   after={"deleted": [p.relative_to(root).as_posix() for p in deleted][:1000],
                          "count": len(deleted)})
    return deleted


def run_daily() -> dict[str, int]:
    return {"deleted": len(sweep_orphans(username="每日任务"))}
