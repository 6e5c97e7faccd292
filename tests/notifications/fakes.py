"""Stand-ins for providers this machine cannot reach."""

from dangjian.notifications.models import Notification


class RecordingGateway:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, address: str, text: str) -> None:
        self.sent.append((address, text))


class ExplodingChannel:
    name = "exploding"

    def send(self, notification: Notification) -> None:
        raise RuntimeError("provider down")
