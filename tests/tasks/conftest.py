import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.orgs.models import Organization

REPO = Path(__file__).resolve().parents[2]
SPEECHES = REPO / "tests" / "fixtures" / "speeches"  # the project's own texts (README there)
SPEECH = "lianzheng_jianghua"  # 13 items, parties named in three of them, no deadline
PLAN_SPEECH = "dangjian_yaodian"  # 12 items; "年底前", "“七一”前" and "2025年6月底前"
PLAN_YEAR = 2024  # the year PLAN_SPEECH is the 工作要点 of
SEEDS = REPO.parent / "shared" / "seeds"  # the seed speeches, beside the repository if at all
SEED_NAMES = ["000_1e21338dc695a938", "004_6e642dcccb7403bb"]
PDF = b"%PDF-1.4\n% progress evidence\n"


def speech_text(stem: str) -> str:
    return (SPEECHES / f"{stem}.txt").read_text(encoding="utf-8")


def labels(folder: Path, stem: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(
        (folder / f"{stem}.labels.json").read_text(encoding="utf-8"))
    return items


@pytest.fixture
def seeds() -> Path:
    """``../shared/seeds``, for the tests whose point is the seeds; skipped when absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds 不在：未找到 {SEEDS}，跳过与种子讲话标注的逐条比对")
    return SEEDS


@pytest.fixture
def today() -> date:
    return timezone.localdate()


@pytest.fixture
def speech() -> str:
    return speech_text(SPEECH)


@pytest.fixture
def government(org: Callable[[str], Organization]) -> Organization:
    """示范县人民政府党组: where the county head deploys the speech's work."""
    return org("示范县人民政府党组")


@pytest.fixture
def pdf() -> Callable[[str], SimpleUploadedFile]:
    def make(name: str = "进展佐证.pdf") -> SimpleUploadedFile:
        return SimpleUploadedFile(name, PDF, content_type="application/pdf")

    return make


@pytest.fixture
def deploy(api_as: Callable[[str], APIClient], government: Organization, today: date,
           user: Callable[[str], User], org: Callable[[str], Organization]):
    """The county head pastes a speech and confirms it, every task led by ``unit``."""

    def make(text: str, unit: str = "县财政局", due_in_days: int = 60,
             leader: str = "vice_head") -> dict[str, Any]:
        head = api_as("county_head")
        plan = head.post("/api/v1/plans/", {"organization": government.pk, "kind": "讲话",
                                            "year": today.year, "text": text}, format="json")
        assert plan.status_code == 201, plan.content
        proposals = plan.json()["revisions"][0]["proposals"]
        items = [{"path": p["path"], "title": p["title"], "text": p["text"],
                  "targets": p["targets"], "lead_unit": org(unit).pk,
                  "leader": user(leader).person_id,
                  "due_on": str(today + timedelta(days=due_in_days))} for p in proposals]
        confirmed = head.post(f"/api/v1/plans/{plan.json()['id']}/confirm/", {"items": items},
                              format="json")
        assert confirmed.status_code == 200, confirmed.content
        return confirmed.json()

    return make
