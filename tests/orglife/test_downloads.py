"""Sign-in sheets and photos of a meeting come back verified
(tests.security_data.downloads)."""

from collections.abc import Callable

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dangjian.access.models import User
from dangjian.orglife.models import AttachmentKind, Meeting
from dangjian.orglife.services.attachments import meeting_attach
from tests.security_data.downloads import NAME, PDF, DownloadContract, Stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(record: Callable[..., Meeting], user: Callable[[str], User]) -> Stored:
    meeting = record()
    row = meeting_attach(actor=user("finance_clerk"), meeting=meeting, kind=AttachmentKind.SIGN_IN,
                         upload=SimpleUploadedFile(NAME, PDF))
    return Stored(api_url=f"/api/v1/meetings/{meeting.pk}/attachments/{row.pk}/file",
                  page_url=f"/orglife/attachments/{row.pk}/", row=row)


class TestMeetingAttachmentDownload(DownloadContract):
    pass


def test_the_meeting_detail_links_its_attachments(stored: Stored, user: Callable[[str], User]
                                                  ) -> None:
    from django.test import Client

    client = Client()
    client.force_login(user("finance_clerk"))
    html = client.get(f"/orglife/meetings/{stored.row.meeting_id}/").content.decode()
    assert f'<a href="{stored.page_url}">{NAME}</a>' in html
