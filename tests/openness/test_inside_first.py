"""先党内后党外 (党务公开条例 第四条): a 党务 item to society whose catalogue line says it must
first be disclosed inside the party is not published before its 党内 disclosure, unless the
approver recorded why; and the due days are settings with their rules."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.openness.models import Disclosure
from dangjian.openness.rules import (
    AFTER_PERIOD_RULE,
    AT_ONCE_RULE,
    INSIDE_FIRST_WAIVER_RULE,
    RULES,
)
from dangjian.openness.services.deadlines import due_for

from .conftest import API

pytestmark = pytest.mark.django_db
CATALOGUE = "/api/v1/disclosure-catalogue/"


@pytest.fixture
def item(api_as: Callable[[str], APIClient], org: Callable[[str], Any]) -> int:
    made = api_as("finance_clerk").post(CATALOGUE, {
        "organization": org("县财政局").pk, "year": timezone.localdate().year, "domain": "党务",
        "content": "党费收缴使用管理情况", "audience": "向社会", "cadence": "随时",
        "channel": "网站", "inside_first": True}, format="json")
    assert made.status_code == 201, made.content
    return made.json()["id"]  # type: ignore[no-any-return]


def _through(api_as: Callable[[str], APIClient], pk: int, *, waiver: str = "",
             publish: bool = True) -> Any:
    clerk, secretary = api_as("finance_clerk"), api_as("finance_secretary")
    for client, verb, body in [(clerk, "submit", {}),
                               (secretary, "review", {"decision": "accept"}),
                               (secretary, "approve", {"decision": "accept",
                                                       "inside_first_waiver": waiver})]:
        response = client.post(f"{API}{pk}/{verb}/", body, format="json")
        assert response.status_code == 200, (verb, response.content)
    return clerk.post(f"{API}{pk}/publish/", {}, format="json") if publish else None


def test_the_public_version_waits_for_the_party_one(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]], item: int,
) -> None:
    public = draft(item=item, title="党费使用情况（向社会）")
    refused = _through(api_as, public["id"])
    assert refused.status_code == 400
    assert "须先在党内公开" in str(refused.json()) and "第四条" in str(refused.json())
    assert Disclosure.objects.get(pk=public["id"]).status == "已批准"

    inside = draft(item=item, title="党费使用情况（党内）", audience="党内")
    assert _through(api_as, inside["id"]).status_code == 200
    published = api_as("finance_clerk").post(f"{API}{public['id']}/publish/", {}, format="json")
    assert published.status_code == 200, published.content


def test_the_approver_may_record_why_it_need_not_wait(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]], item: int,
) -> None:
    public = draft(item=item)
    done = _through(api_as, public["id"], waiver="上级要求同步向社会公开")
    assert done.status_code == 200, done.content
    assert done.json()["inside_first_waiver"] == "上级要求同步向社会公开"


def test_a_waiver_where_none_is_needed_is_refused(
    api_as: Callable[[str], APIClient], draft: Callable[..., dict[str, Any]],
) -> None:
    plain = draft()  # 目录外: no inside-first line
    clerk, secretary = api_as("finance_clerk"), api_as("finance_secretary")
    clerk.post(f"{API}{plain['id']}/submit/", {}, format="json")
    secretary.post(f"{API}{plain['id']}/review/", {"decision": "accept"}, format="json")
    refused = secretary.post(f"{API}{plain['id']}/approve/",
                             {"decision": "accept", "inside_first_waiver": "无"}, format="json")
    assert refused.status_code == 400
    assert Disclosure.objects.get(pk=plain["id"]).status == "审批"


def test_a_non_party_item_cannot_be_marked_inside_first(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    refused = api_as("finance_clerk").post(CATALOGUE, {
        "organization": org("县财政局").pk, "year": timezone.localdate().year, "domain": "政务",
        "content": "预算", "audience": "向社会", "cadence": "随时", "channel": "网站",
        "inside_first": True}, format="json")
    assert refused.status_code == 400 and "只有党务公开事项" in str(refused.json())


def test_the_rules_are_data_with_citations() -> None:
    for rule in (INSIDE_FIRST_WAIVER_RULE, AT_ONCE_RULE, AFTER_PERIOD_RULE):
        assert rule in RULES and rule.citation
        assert rule.status == "待核实"


def test_the_due_days_are_the_countys_settings() -> None:
    day = timezone.localdate()
    default = due_for("随时", day).due
    with override_settings(DANGJIAN_OPENNESS={"at_once_working_days": 1}):
        assert due_for("随时", day).due < default
    monthly = due_for("每月", day).due
    with override_settings(DANGJIAN_OPENNESS={"after_period_working_days": 20}):
        assert due_for("每月", day).due > monthly
