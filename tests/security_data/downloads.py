"""The contract of every evidence download (issue 6, item 4: 数据完整性): inherit
``DownloadContract`` in a ``Test…`` class and give it a ``stored`` fixture (a ``Stored``).

In scope the exact bytes come back under the original name; out of scope, unknown or malformed
ids answer 404; a file changed on disk answers 409 and is audited; the page link behaves alike.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent

PDF = "%PDF-1.4\n% 佐证材料\n".encode() + bytes(range(256))  # every byte value survives the trip
NAME = "整改报告（第1次）.pdf"


@dataclass(frozen=True)
class Stored:
    api_url: str  # the API download of ``row``, ending in /<row id>/file
    page_url: str | None  # the link on the page that lists it, if any page does
    row: Any  # the evidence row: file, sha256, original_name, extension
    owner: str = "finance_clerk"  # in scope
    outsider: str = "edu_clerk"  # another unit's clerk


def _last(action: str) -> AuditEvent:
    event = AuditEvent.objects.filter(action=action).order_by("-pk").first()
    assert event is not None, action
    return event


def _tamper(stored: Stored) -> None:
    Path(stored.row.file.path).write_bytes(PDF + b"forged")


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


class DownloadContract:
    def test_the_upload_records_its_uploader(self, stored: Stored) -> None:
        stored.row.refresh_from_db()
        assert stored.row.uploaded_by is not None

    def test_a_failure_after_storing_leaves_no_file_and_no_row(
        self, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, settings: Any,
        tmp_path: Path,
    ) -> None:
        """The file is on disk and its row saved, then the write fails before the commit."""
        from dangjian.core.files.storage import Uploads

        store, stored_paths = Uploads.store, []

        def store_then_fail(uploads: Uploads, row: Any, upload: Any) -> Any:
            store(uploads, row, upload)
            stored_paths.append(Path(row.file.path))
            assert stored_paths[-1].exists()
            raise RuntimeError("cut off before the commit")

        settings.MEDIA_ROOT = tmp_path
        monkeypatch.setattr(Uploads, "store", store_then_fail)
        with pytest.raises(RuntimeError, match="cut off"):
            request.getfixturevalue("stored")
        assert stored_paths and not any(path.exists() for path in stored_paths)
        assert not [path for path in tmp_path.rglob("*") if path.is_file()]

    def test_it_serves_the_exact_bytes_under_the_original_name(
        self, stored: Stored, api_as: Callable[[str], APIClient],
    ) -> None:
        response = api_as(stored.owner).get(stored.api_url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(NAME)}"
        event = _last("file.download")
        assert (event.username, event.object_id, event.success) == (
            stored.owner, str(stored.row.pk), True)

    def test_it_answers_404_out_of_scope_unknown_or_malformed(
        self, stored: Stored, api_as: Callable[[str], APIClient],
    ) -> None:
        assert api_as(stored.outsider).get(stored.api_url).status_code == 404
        owner = api_as(stored.owner)
        for other in ("999999999", "abc"):
            url = stored.api_url.replace(f"/{stored.row.pk}/file", f"/{other}/file")
            response = owner.get(url)
            assert response.status_code == 404 and response.json()["detail"], url
        assert not AuditEvent.objects.filter(action="file.download").exists()

    def test_a_changed_file_answers_409_and_is_audited(
        self, stored: Stored, api_as: Callable[[str], APIClient],
    ) -> None:
        _tamper(stored)
        response = api_as(stored.owner).get(stored.api_url)
        assert response.status_code == 409
        assert "SHA-256 不符" in response.json()["detail"]
        event = _last("file.integrity")
        assert (event.username, event.object_id, event.success) == (
            stored.owner, str(stored.row.pk), False)
        assert not AuditEvent.objects.filter(action="file.download").exists()

    def test_the_page_link_serves_the_file_in_scope_only(
        self, stored: Stored, user: Callable[[str], User],
    ) -> None:
        if stored.page_url is None:
            return  # no page lists these files yet: the API is the only way down
        owner = _signed_in(user(stored.owner))
        response = owner.get(stored.page_url)
        assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
        assert response["X-Content-Type-Options"] == "nosniff"
        assert _signed_in(user(stored.outsider)).get(stored.page_url).status_code == 404
        _tamper(stored)
        refused = owner.get(stored.page_url)
        assert refused.status_code == 409 and "SHA-256 不符" in refused.content.decode()
