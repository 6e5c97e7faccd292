from collections.abc import Callable
from typing import Any

import pytest

from dangjian.access.models import User
from dangjian.notifications.models import Notification
from dangjian.notifications.services import notify


@pytest.fixture
def send(db: None) -> Callable[..., Notification | None]:
    """``notify`` with defaults for everything a test does not care about."""

    def call(
        recipient: User, dedupe_key: str = "measure:1:due", **fields: Any
    ) -> Notification | None:
        values = {"kind": "measure.due_soon", "title": "整改措施即将到期",
                  "body": "县财政局第3项整改措施将于5日后到期。", **fields}
        return notify(recipient=recipient, dedupe_key=dedupe_key, **values)

    return call
