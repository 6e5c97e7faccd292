from collections.abc import Callable, Iterator
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.otp import ensure_demo_devices

TOKEN_URL = "/api/v1/auth/token/"


@pytest.fixture
def demo_devices(db: None) -> Iterator[None]:
    """The demo administrators' shared TOTP device (build_demo may already have made it)."""
    ensure_demo_devices()
    yield


@pytest.fixture
def ask_token() -> Callable[..., Any]:
    def post(username: str, password: str, **extra: str) -> Any:
        return APIClient().post(TOKEN_URL, {"username": username, "password": password,
                                            **extra})

    return post
