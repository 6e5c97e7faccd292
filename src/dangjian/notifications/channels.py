"""Where a notice goes besides the inbox. Each channel is a small adapter; which ones run is the
setting ``DANGJIAN_NOTIFICATION_CHANNELS`` (dotted paths of classes built without arguments).

External channels carry only the title and a pointer to the platform, never the body: an SMS,
a WeChat Work message or a mail to a private mailbox leaves the platform's protection, while the
body may hold internal party matters.
"""

from collections.abc import Callable
from typing import Any, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string

from dangjian.core.crypto import decrypt_field

from .models import Notification

SETTING = "DANGJIAN_NOTIFICATION_CHANNELS"
DEFAULT_CHANNELS = [
    "dangjian.notifications.channels.InboxChannel",
    "dangjian.notifications.channels.EmailChannel",
]
SITE_NAME = "党建平台"


class ChannelUnavailable(Exception):
    """The channel cannot deliver at all from this machine (no gateway, no network)."""


class Channel(Protocol):
    name: str

    def send(self, notification: Notification) -> None: ...


class Gateway(Protocol):
    """A provider's client: an SMS platform or the WeChat Work message API."""

    def send(self, address: str, text: str) -> None: ...


class UnreachableGateway:
    """The default gateway: this deployment has no route to the provider, so say so loudly."""

    def __init__(self, message: str) -> None:
        self.message = message

    def send(self, address: str, text: str) -> None:
        raise ChannelUnavailable(self.message)


def summary_text(notification: Notification) -> str:
    """The announcement external channels send: title and where to read the rest."""
    where = f"（{notification.link}）" if notification.link else ""
    return f"【{SITE_NAME}】{notification.title}。详情请登录{SITE_NAME}站内信查看{where}。"


class InboxChannel:
    """The inbox row is the notice itself; ``notify`` has already written it."""

    name = "inbox"

    def send(self, notification: Notification) -> None:
        return None


class EmailChannel:
    name = "email"

    def send(self, notification: Notification) -> None:
        email = notification.recipient.email
        if not email:  # many accounts have no mailbox; the inbox row is enough for them
            return
        send_mail(
            subject=f"【{SITE_NAME}】{notification.title}",
            message=summary_text(notification),
            from_email=None,  # DEFAULT_FROM_EMAIL
            recipient_list=[email],
        )


def phone_of(user: Any) -> str:
    """The user's mobile number from their person record (stored SM4-encrypted), or ""."""
    person = getattr(user, "person", None)
    encrypted = getattr(person, "phone_encrypted", "")
    return decrypt_field(encrypted) if encrypted else ""


def wecom_userid_of(user: Any) -> str:
    # Assumes WeChat Work accounts are named after platform usernames; pass ``address=``
    # to WeComChannel where the organisation maps them differently.
    return str(user.get_username())


class GatewayChannel:
    """Sends the summary to the address ``address(user)`` through ``gateway``."""

    name = "gateway"

    def __init__(self, gateway: Gateway, address: Callable[[Any], str]) -> None:
        self.gateway = gateway
        self.address = address

    def send(self, notification: Notification) -> None:
        address = self.address(notification.recipient)
        if not address:  # nowhere to send: skip, as EmailChannel does without an email
            return
        self.gateway.send(address, summary_text(notification))


class SmsChannel(GatewayChannel):
    name = "sms"

    def __init__(
        self, gateway: Gateway | None = None, address: Callable[[Any], str] = phone_of
    ) -> None:
        super().__init__(gateway or UnreachableGateway("本机无法连接短信网关"), address)


class WeComChannel(GatewayChannel):
    """企业微信 application messages."""

    name = "wecom"

    def __init__(
        self, gateway: Gateway | None = None, address: Callable[[Any], str] = wecom_userid_of
    ) -> None:
        super().__init__(gateway or UnreachableGateway("本机无法连接企业微信"), address)


def configured_channels() -> list[Channel]:
    """The channels named by the setting, built fresh so that settings overrides apply."""
    paths: list[str] = getattr(settings, SETTING, DEFAULT_CHANNELS)
    return [import_string(path)() for path in paths]
