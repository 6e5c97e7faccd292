from collections.abc import Callable
from typing import Any

import pytest

from dangjian.access.models import User
from dangjian.core.crypto import encrypt_field
from dangjian.notifications.channels import (
    ChannelUnavailable,
    EmailChannel,
    InboxChannel,
    SmsChannel,
    WeComChannel,
    configured_channels,
)
from dangjian.notifications.models import Notification

from .fakes import RecordingGateway

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(user: Callable[[str], User]) -> User:
    member = user("member")
    assert member.person is not None
    member.person.phone_encrypted = encrypt_field("13800138000")
    member.person.save(update_fields=["phone_encrypted"])
    return member


def _notice(recipient: User) -> Notification:
    return Notification.objects.create(
        recipient=recipient, kind="meeting.reminder", title="明日召开支部党员大会",
        body="议程含发展党员表决，请勿外传。", link="/meetings/7/", dedupe_key="meeting:7",
    )


def test_sms_sends_the_summary_to_the_person_s_phone(member: User) -> None:
    gateway = RecordingGateway()
    SmsChannel(gateway=gateway).send(_notice(member))
    [(phone, text)] = gateway.sent
    assert phone == "13800138000"
    assert "明日召开支部党员大会" in text and "/meetings/7/" in text
    assert "请勿外传" not in text  # the body is not for a public network


def test_sms_skips_a_user_without_a_phone(user: Callable[[str], User]) -> None:
    gateway = RecordingGateway()
    admin = user("admin")
    assert admin.person is None or not admin.person.phone_encrypted
    SmsChannel(gateway=gateway).send(_notice(admin))
    assert gateway.sent == []


def test_wecom_sends_to_the_account_name_or_a_given_mapping(member: User) -> None:
    gateway, notice = RecordingGateway(), _notice(member)
    WeComChannel(gateway=gateway).send(notice)
    WeComChannel(gateway=gateway, address=lambda u: f"wx-{u.pk}").send(notice)
    assert [address for address, _ in gateway.sent] == ["member", f"wx-{member.pk}"]


@pytest.mark.parametrize(("channel", "message"), [
    (SmsChannel, "本机无法连接短信网关"), (WeComChannel, "本机无法连接企业微信"),
])
def test_the_default_gateways_say_they_cannot_reach_out(
    member: User, channel: Any, message: str,
) -> None:
    with pytest.raises(ChannelUnavailable, match=message):
        channel().send(_notice(member))


def test_the_inbox_channel_sends_nothing_more(member: User, mailoutbox: list[Any]) -> None:
    InboxChannel().send(_notice(member))
    assert mailoutbox == []


def test_email_goes_to_the_user_s_address(member: User, mailoutbox: list[Any]) -> None:
    member.email = "member@example.cn"
    EmailChannel().send(_notice(member))
    assert [m.to for m in mailoutbox] == [["member@example.cn"]]


def test_the_default_channels_are_inbox_and_email(settings: Any) -> None:
    if hasattr(settings, "DANGJIAN_NOTIFICATION_CHANNELS"):
        del settings.DANGJIAN_NOTIFICATION_CHANNELS
    assert [c.name for c in configured_channels()] == ["inbox", "email"]


def test_the_setting_chooses_the_channels(settings: Any) -> None:
    settings.DANGJIAN_NOTIFICATION_CHANNELS = ["dangjian.notifications.channels.WeComChannel"]
    assert [c.name for c in configured_channels()] == ["wecom"]
