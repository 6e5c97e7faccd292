"""Files left by uploads cut off between storage and commit are swept; referenced ones stay."""

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.ops.orphans import GRACE_SECONDS, find_orphans, sweep_orphans
from dangjian.oversight.models import Evidence

pytestmark = pytest.mark.django_db


def _age(path: Path, seconds: int) -> None:
    past = time.time() - seconds
    os.utime(path, (past, past))


@pytest.fixture
def media(tmp_path: Path):  # type: ignore[no-untyped-def]
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


@pytest.fixture
def uploaded(media: Path, raise_finding: Callable[..., Any], add_measure: Callable[..., Any],
             api_as: Callable[[str], APIClient], pdf: Callable[..., Any]) -> Path:
    """An accepted evidence upload: its file on disk, its row in the database."""
    measure = add_measure(raise_finding())
    response = api_as("finance_clerk").post(
        f"/api/v1/measures/{measure['id']}/evidence/", {"file": pdf()}, format="multipart")
    assert response.status_code == 201, response.content
    path = media / Evidence.objects.get(pk=response.json()["id"]).file.name
    _age(path, GRACE_SECONDS + 60)
    return path


def _orphan(media: Path, name: str, age: int) -> Path:
    path = media / "evidence" / "2026" / "11" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"%PDF-1.4\n% cut off\n")
    _age(path, age)
    return path


def test_only_old_unreferenced_files_are_swept_and_the_sweep_is_audited(
    uploaded: Path, media: Path,
) -> None:
    old = _orphan(media, "left-behind.pdf", GRACE_SECONDS + 60)
    in_flight = _orphan(media, "in-flight.pdf", 5)
    swept = sweep_orphans(username="测试")
    assert swept == [old]
    assert not old.exists() and in_flight.exists() and uploaded.exists()
    event = AuditEvent.objects.filter(action="ops.sweep_files").latest("pk")
    assert event.after["count"] == 1 and event.after["deleted"] == [
        old.relative_to(media).as_posix()]


def test_a_dry_run_lists_and_keeps(uploaded: Path, media: Path) -> None:
    old = _orphan(media, "left-behind.pdf", GRACE_SECONDS + 60)
    before = AuditEvent.objects.count()
    call_command("sweep_files", "--dry-run")
    assert old.exists() and find_orphans() == [old]
    assert AuditEvent.objects.count() == before
