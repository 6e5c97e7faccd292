"""Attachments on the portal, signed out: those of a published 向社会 disclosure download with
safe headers; any other (a draft's, an internal one's, a withdrawn one's, or a real attachment
asked under another disclosure's id) is a 404 like an id that never existed."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from rest_framework.test import APIClient

from dangjian.openness.models import Disclosure, DisclosureAttachment

from .conftest import API

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n% 2026 party dues\n"


@pytest.fixture
def attached(api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]]
             ) -> Callable[..., tuple[int, int]]:
    """A draft with one PDF attached, taken through the workflow unless ``to`` says how far."""

    def make(to: str = "published", **extra: Any) -> tuple[int, int]:
        made = draft(**extra)
        clerk, secretary = api_as("finance_clerk"), api_as("finance_secretary")
        upload = SimpleUploadedFile("党费明细.pdf", PDF, content_type="application/pdf")
        added = clerk.post(f"{API}{made['id']}/attachments/", {"file": upload},
                           format="multipart")
        assert added.status_code == 201, added.content
        steps = [(clerk, "submit", {}), (secretary, "review", {"decision": "accept"}),
                 (secretary, "approve", {"decision": "accept"}), (clerk, "publish", {})]
        if to == "draft":
            steps = []
        for client, verb, body in steps:
            response = client.post(f"{API}{made['id']}/{verb}/", body, format="json")
            assert response.status_code == 200, (verb, response.content)
        if to == "withdrawn":
            assert secretary.post(f"{API}{made['id']}/withdraw/", {"reason": "有误"},
                                  format="json").status_code == 200
        return made["id"], added.json()["id"]

    return make


def test_a_public_disclosures_attachment_downloads_signed_out_with_safe_headers(
    client: Client, attached: Callable[..., tuple[int, int]],
) -> None:
    pk, file_pk = attached()
    page = client.get(f"/gongkai/{pk}/").content.decode()
    assert f"/gongkai/{pk}/files/{file_pk}/" in page and "党费明细.pdf" in page
    got = client.get(f"/gongkai/{pk}/files/{file_pk}/")
    assert got.status_code == 200
    assert b"".join(got.streaming_content) == PDF  # type: ignore[attr-defined]
    assert got["Content-Type"] == "application/pdf"
    assert got["Content-Disposition"].startswith("attachment;")
    assert got["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in got["Content-Security-Policy"]
    assert "no-store" in got["Cache-Control"]
    listed = APIClient().get(f"/api/v1/public/disclosures/{pk}/").json()
    assert listed["attachments"][0]["url"] == f"/gongkai/{pk}/files/{file_pk}/"
    assert "sha256" not in listed["attachments"][0]
    assert "uploaded_by" not in listed["attachments"][0]


def test_every_other_attachment_is_a_404_without_a_hint(
    client: Client, attached: Callable[..., tuple[int, int]],
) -> None:
    public, public_file = attached(title="公开的")
    hidden = [attached(to="draft", title="草稿"), attached(audience="党内", title="党内的"),
              attached(to="withdrawn", title="撤回的")]
    never = client.get("/gongkai/999999/files/999999/")
    assert never.status_code == 404
    for pk, file_pk in hidden:
        response = client.get(f"/gongkai/{pk}/files/{file_pk}/")
        assert response.status_code == 404
        assert response.content == never.content
        # a real attachment under the public disclosure's id is not its file
        assert client.get(f"/gongkai/{public}/files/{file_pk}/").status_code == 404
    assert client.post(f"/gongkai/{public}/files/{public_file}/").status_code == 405


def test_a_changed_file_is_refused_not_served(
    client: Client, attached: Callable[..., tuple[int, int]],
) -> None:
    pk, file_pk = attached()
    stored = DisclosureAttachment.objects.get(pk=file_pk)
    with open(stored.file.path, "wb") as handle:
        handle.write(b"%PDF-1.4\n% tampered\n")
    assert client.get(f"/gongkai/{pk}/files/{file_pk}/").status_code == 409
    assert Disclosure.objects.get(pk=pk).status == "已公开"
