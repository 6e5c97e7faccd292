"""Browser tests: Playwright drives Debian's chromium headless against a live server."""

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.manual import shooter, shots_folder

# Playwright's sync API keeps an event loop running in this thread; the ORM calls the tests
# make between page actions are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"],
    }


@pytest.fixture
def site(live_server: Any, committed_demo: None) -> str:
    """The live server's address, with the demo county present."""
    return str(live_server.url)


@pytest.fixture(scope="session")
def manual_shot(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Page, str], Path]:
    """``manual_shot(page, "unit-clerk-orglife")`` saves the page for the user manual."""
    return shooter(shots_folder(tmp_path_factory.mktemp("manual-shots")))
