"""Evidence files are checked against their SHA-256 on every read (issue 6, item 4)."""

import hashlib
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models.fields.files import FieldFile

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.core.files.checks import FileIntegrityError, evidence_open, open_verified
from dangjian.oversight.models import Evidence

pytestmark = pytest.mark.django_db
CONTENT = b"%PDF-1.4\n% rectification report\n"


@pytest.fixture
def stored() -> FieldFile:
    """A file saved the way an evidence upload is, through Evidence's own file field."""
    name = default_storage.save("evidence/2026/01/report.pdf", ContentFile(CONTENT))
    return FieldFile(instance=Evidence(), field=Evidence._meta.get_field("file"), name=name)


def _evidence(file: FieldFile, sha256: str) -> SimpleNamespace:
    return SimpleNamespace(file=file, sha256=sha256)


def test_oversight_evidence_has_the_fields_evidence_open_reads() -> None:
    names = {f.name for f in Evidence._meta.get_fields()}
    assert {"file", "sha256"} <= names


def test_an_intact_file_opens_rewound(stored: FieldFile) -> None:
    digest = hashlib.sha256(CONTENT).hexdigest()
    with evidence_open(evidence=_evidence(stored, digest)) as handle:
        assert handle.read() == CONTENT


def test_a_changed_file_is_refused_and_audited(
    stored: FieldFile, user: Callable[[str], User],
) -> None:
    digest = hashlib.sha256(CONTENT).hexdigest()
    Path(settings.MEDIA_ROOT, stored.name).write_bytes(CONTENT + b"tampered")
    with pytest.raises(FileIntegrityError, match=r"SHA-256 不符.*从备份恢复"):
        open_verified(field_file=stored, sha256=digest, actor=user("finance_clerk"))
    event = AuditEvent.objects.order_by("-pk").first()
    assert event is not None and event.action == "file.integrity" and not event.success
    assert event.after["expected_sha256"] == digest and event.username == "finance_clerk"


def test_a_missing_file_is_refused_and_audited(stored: FieldFile) -> None:
    Path(settings.MEDIA_ROOT, stored.name).unlink()
    with pytest.raises(FileIntegrityError, match="文件不存在"):
        evidence_open(evidence=_evidence(stored, "0" * 64))
    event = AuditEvent.objects.order_by("-pk").first()
    assert event is not None and event.action == "file.integrity"
    assert "不存在" in event.after["reason"]
