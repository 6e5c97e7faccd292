import logging
from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.notifications.models import Notification
from dangjian.notifications.services import mark_read

pytestmark = pytest.mark.django_db

Send = Callable[..., Notification | None]
INBOX = "dangjian.notifications.channels.InboxChannel"
EMAIL = "dangjian.notifications.channels.EmailChannel"
SMS = "dangjian.notifications.channels.SmsChannel"


@pytest.fixture
def clerk(user: Callable[[str], User]) -> User:
    clerk = user("finance_clerk")
    clerk.email = "clerk@example.cn"
    clerk.save(update_fields=["email"])
    return clerk


def test_a_notice_is_sent_once_however_often_the_job_runs(
    send: Send, clerk: User, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = send(clerk)
        again = send(clerk)
    assert first is not None and again is None
    assert Notification.objects.filter(recipient=clerk).count() == 1
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["clerk@example.cn"]
    assert "整改措施即将到期" in mailoutbox[0].subject
    assert "5日后到期" not in mailoutbox[0].body  # the body stays on the platform


def test_the_same_key_for_another_recipient_is_another_notice(
    send: Send, clerk: User, user: Callable[[str], User],
) -> None:
    assert send(clerk) is not None and send(user("vice_head")) is not None


def test_sending_is_audited_without_the_body(send: Send, clerk: User) -> None:
    notification = send(clerk)
    assert notification is not None
    event = AuditEvent.objects.get(action="notification.send", object_id=str(notification.pk))
    assert event.after == {"kind": "measure.due_soon", "recipient": clerk.pk,
                           "dedupe_key": "measure:1:due"}
    assert event.user is None


def test_a_rolled_back_notice_sends_no_mail(
    send: Send, clerk: User, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any,
) -> None:
    with (django_capture_on_commit_callbacks(execute=True) as callbacks,
          pytest.raises(RuntimeError), transaction.atomic()):
        send(clerk)
        raise RuntimeError("the caller's work failed")
    assert callbacks == [] and mailoutbox == []
    assert not Notification.objects.filter(recipient=clerk).exists()


def test_nothing_is_mailed_before_the_commit(
    send: Send, clerk: User, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(clerk)
    assert len(callbacks) == 1 and mailoutbox == []


def test_a_user_without_email_gets_the_inbox_row_only(
    send: Send, user: Callable[[str], User], mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(user("member"))
    assert notification is not None and mailoutbox == []


def test_a_failing_channel_keeps_the_inbox_row_and_the_other_channels(
    send: Send, clerk: User, mailoutbox: list[Any], settings: Any,
    django_capture_on_commit_callbacks: Any, caplog: pytest.LogCaptureFixture,
) -> None:
    settings.DANGJIAN_NOTIFICATION_CHANNELS = [
        INBOX, "tests.notifications.fakes.ExplodingChannel", EMAIL,
    ]
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(clerk)
    assert notification is not None and Notification.objects.filter(pk=notification.pk).exists()
    assert len(mailoutbox) == 1
    assert "经 exploding 发送失败" in caplog.text


def test_an_unreachable_sms_gateway_is_logged_in_chinese(
    send: Send, user: Callable[[str], User], settings: Any,
    django_capture_on_commit_callbacks: Any, caplog: pytest.LogCaptureFixture,
) -> None:
    settings.DANGJIAN_NOTIFICATION_CHANNELS = [INBOX, SMS]
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        notification = send(user("member"))  # demo persons have a phone number
    assert notification is not None
    assert "本机无法连接短信网关" in caplog.text


def test_a_concurrent_duplicate_is_dropped_quietly(
    send: Send, clerk: User, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any,
) -> None:
    send(clerk)
    # Another worker's INSERT won between our SELECT and INSERT.
    race = mock.patch.object(Notification.objects, "get_or_create", side_effect=IntegrityError)
    with race, django_capture_on_commit_callbacks(execute=True):
        assert send(clerk) is None
    assert mailoutbox == []


def test_an_integrity_error_of_another_kind_is_not_swallowed(send: Send, clerk: User) -> None:
    race = mock.patch.object(Notification.objects, "get_or_create", side_effect=IntegrityError)
    with race, pytest.raises(IntegrityError):
        send(clerk)


@pytest.mark.parametrize("link", ["javascript:alert(1)", "https://evil.example/", "//evil"])
def test_a_link_must_stay_on_the_site(send: Send, clerk: User, link: str) -> None:
    with pytest.raises(ValidationError, match="本站路径"):
        send(clerk, link=link)


def test_the_recipient_marks_a_notice_read_once(send: Send, clerk: User) -> None:
    notification = send(clerk, link="/inbox/")
    assert notification is not None
    first = mark_read(actor=clerk, notification=notification).read_at
    assert first is not None
    assert mark_read(actor=clerk, notification=notification).read_at == first
    reads = AuditEvent.objects.filter(action="notification.read", object_id=str(notification.pk))
    assert reads.count() == 1


def test_nobody_else_marks_it_read(send: Send, clerk: User, user: Callable[[str], User]) -> None:
    notification = send(clerk)
    assert notification is not None
    with pytest.raises(PermissionDenied, match="只有收件人本人"):
        mark_read(actor=user("vice_head"), notification=notification)
    notification.refresh_from_db()
    assert notification.read_at is None
