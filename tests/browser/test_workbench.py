"""The unit clerk lands on the 工作台 after login, and a to-do card opens exactly its rows."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.core.workbench import Kind, Todo, register_todo
from dangjian.orgs.models import Organization
from dangjian.oversight.models import MeasureStatus
from dangjian.oversight.pages import MeasureList
from tests.core.workbench_fakes import use_providers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _measures_to_report(user: User) -> list[Todo]:
    return [register_todo(Kind.REPORT, "整改措施待整改", MeasureList, user,
                          {"status": MeasureStatus.PENDING})]


def test_the_clerk_lands_on_the_workbench_and_a_card_opens_its_rows(
    page: Page, site: str, demo_password: str, monkeypatch: pytest.MonkeyPatch,
    api_as: Callable[[str], APIClient], user: Callable[[str], User], tmp_path: Path,
) -> None:
    today = timezone.localdate()
    finding = api_as("inspector").post("/api/v1/findings/", {
        "organization": Organization.objects.get(name="县财政局").pk, "source": "巡察反馈",
        "category": "资金监管", "severity": "较重", "description": "专项资金拨付审批不规范",
        "discovered_on": str(today - timedelta(days=3))}, format="json").json()
    for days in (5, 30, 60):
        api_as("finance_clerk").post("/api/v1/measures/", {
            "finding": finding["id"], "description": f"{days} 日内建立制度",
            "owner": user("finance_clerk").person_id, "due_on": str(today + timedelta(days=days)),
            "criterion": "制度印发"}, format="json")
    use_providers(monkeypatch, {"oversight": _measures_to_report})

    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill("finance_clerk")
    page.get_by_label("密码").fill(demo_password)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", name="工作台")).to_be_visible()
    expect(page.get_by_test_id("greeting")).to_contain_text("党务干事")
    card = page.get_by_test_id("todo")
    expect(card).to_have_count(1)
    expect(card).to_be_visible()
    count = int(card.get_attribute("data-count") or "0")
    assert count >= 3
    expect(card).to_contain_text(f"整改措施待整改（{count} 项）")
    page.screenshot(path=tmp_path / "workbench.png", full_page=True)

    card.click()
    expect(page.get_by_role("heading", name="整改措施")).to_be_visible()
    expect(page.get_by_test_id("pager")).to_contain_text(f"共 {count} 条")
    rows = page.get_by_test_id("register").locator("tbody tr")
    expect(rows).to_have_count(min(count, 20))
    expect(rows.first).to_contain_text(MeasureStatus.PENDING.label)
