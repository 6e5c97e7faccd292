"""The user manual's screenshots: the one list of images the browser tests take.

``DANGJIAN_MANUAL_SHOTS=1`` writes them into the manual (src/dangjian/web/manual/img, which
docs/manual points to); any other run writes them into a temporary folder, so a normal test run
never changes the repository. tests/web/test_manual.py holds the chapters to this list.
"""

import os
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page

from dangjian.web.help import MANUAL

SHOTS = {
    "county-leader-home", "vice-head-tasks", "inspector-oversight", "unit-secretary-duties",
    "unit-clerk-orglife", "member-home", "system-admin-home", "security-admin-lockouts",
    "audit-admin-audit", "phone-menu", "assessor-results",
}
VIEWPORT = {"width": 1366, "height": 768}


def shots_folder(temporary: Path) -> Path:
    return MANUAL / "img" if os.environ.get("DANGJIAN_MANUAL_SHOTS") == "1" else temporary


def shooter(folder: Path) -> Callable[[Page, str], Path]:
    def shoot(page: Page, name: str) -> Path:
        assert name in SHOTS, f"{name} is not in tests/browser/manual.SHOTS"
        path = folder / f"{name}.png"
        page.screenshot(path=str(path))
        return path

    return shoot
