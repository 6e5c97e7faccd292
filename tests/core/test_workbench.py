"""The 工作台's kernel: to-dos gathered by kind, zero counts hidden, counted by the list's own
FilterSet, and a provider that raises is never a silent gap."""

import logging
import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.core.workbench import Kind, Todo, filtered_count, gather, register_todo, todos_for
from dangjian.oversight.filtersets import MeasureFilterSet
from dangjian.oversight.models import MeasureStatus
from dangjian.oversight.pages import MeasureList
from dangjian.oversight.selectors import measures_for

from .workbench_fakes import use_providers

pytestmark = pytest.mark.django_db


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _rows_shown(client: Client, url: str) -> int:
    page = client.get(url).content.decode()
    found = re.search(r"共 (\d+) 条", page)
    assert found, f"no row count on {url}"
    return int(found.group(1))


@pytest.fixture
def measures(api_as: Callable[[str], APIClient], user: Callable[[str], User],
             org: Callable[[str], object]) -> list[int]:
    """Two open measures of the finance bureau, due in 3 and in 40 days."""
    today = timezone.localdate()
    finding = api_as("inspector").post("/api/v1/findings/", {
        "organization": org("县财政局").pk, "source": "巡察反馈",  # type: ignore[attr-defined]
        "category": "资金监管", "severity": "较重", "description": "专项资金拨付审批不规范",
        "discovered_on": str(today - timedelta(days=3))}, format="json").json()
    made = []
    for days in (3, 40):
        made.append(api_as("finance_clerk").post("/api/v1/measures/", {
            "finding": finding["id"], "description": f"{days} 日内建立制度",
            "owner": user("finance_clerk").person_id, "due_on": str(today + timedelta(days=days)),
            "criterion": "制度印发"}, format="json").json()["id"])
    return made


def test_todos_come_in_kind_order_and_zero_counts_are_hidden(
    monkeypatch: pytest.MonkeyPatch, user: Callable[[str], User],
) -> None:
    use_providers(monkeypatch, {
        "oversight": lambda u: [Todo(Kind.OVERDUE, "整改措施已逾期", 2, "/oversight/measures/"),
                                Todo(Kind.VERIFY, "整改措施待核查", 0, "/oversight/measures/"),
                                Todo(Kind.SIGN, "提示单待签收", 1, "/oversight/notices/")],
        "tasks": lambda u: [Todo(Kind.REPORT, "督查任务待报送", 3, "/tasks/"),
                            Todo("另一类", "未知类别", 1, "/tasks/")],
    })
    todos = todos_for(user("finance_clerk"))
    assert [t.label for t in todos] == ["提示单待签收", "督查任务待报送", "整改措施已逾期",
                                        "未知类别"]
    html = _signed_in(user("finance_clerk")).get("/").content.decode()
    cards = re.findall(r'data-kind="([^"]+)"', html)
    assert cards == [Kind.SIGN, Kind.REPORT, Kind.OVERDUE, "另一类"]
    assert '<a href="/oversight/notices/" data-testid="todo" data-count="1">' in html
    assert "整改措施待核查" not in html and "暂无待办" not in html


def test_no_todos_shows_the_empty_state_with_what_to_do(
    monkeypatch: pytest.MonkeyPatch, user: Callable[[str], User],
) -> None:
    use_providers(monkeypatch, {"oversight": lambda u: [Todo(Kind.SIGN, "提示单待签收", 0, "/")]})
    html = _signed_in(user("inspector")).get("/").content.decode()
    assert "暂无待办" in html and "常用功能" in html and "登记问题" in html


def test_register_todo_counts_exactly_the_rows_its_link_shows(
    measures: list[int], user: Callable[[str], User],
) -> None:
    clerk = user("finance_clerk")
    week_end = timezone.localdate() + timedelta(days=6)
    todo = register_todo(Kind.DUE, "整改措施本周到期", MeasureList, clerk,
                         {"status": MeasureStatus.PENDING, "due_to": week_end.isoformat()})
    assert todo.url.startswith("/oversight/measures/?status=")
    assert todo.count >= 1
    assert _rows_shown(_signed_in(clerk), todo.url) == todo.count
    everything = register_todo(Kind.REPORT, "整改措施待整改", MeasureList, clerk,
                               {"status": MeasureStatus.PENDING})
    assert everything.count >= todo.count + 1  # the one due in 40 days as well
    assert _rows_shown(_signed_in(clerk), everything.url) == everything.count


def test_filtered_count_reads_the_user_through_the_filterset(
    measures: list[int], user: Callable[[str], User],
) -> None:
    edu = user("edu_clerk")
    count, url = filtered_count(MeasureFilterSet, measures_for(edu), {"q": "日内建立制度"},
                                url_name="oversight:measure_list", user=edu)
    assert count == 0 and _rows_shown(_signed_in(edu), url) == 0  # finance is out of scope


def test_parameters_the_filterset_refuses_are_a_bug_not_a_zero(
    user: Callable[[str], User],
) -> None:
    with pytest.raises(ValueError, match="due_from"):
        register_todo(Kind.DUE, "整改措施", MeasureList, user("finance_clerk"),
                      {"due_from": "下周"})


def _broken(u: User) -> list[Todo]:
    raise RuntimeError("a bug in a provider")


def test_a_provider_that_raises_fails_loudly_in_tests(
    monkeypatch: pytest.MonkeyPatch, user: Callable[[str], User],
) -> None:
    use_providers(monkeypatch, {"tasks": _broken})
    with pytest.raises(RuntimeError):
        gather(user("finance_clerk"))


def test_in_production_a_raising_provider_is_logged_and_named_on_the_page(
    monkeypatch: pytest.MonkeyPatch, user: Callable[[str], User], settings: object,
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings.DANGJIAN_WORKBENCH_STRICT = False  # type: ignore[attr-defined]
    use_providers(monkeypatch, {
        "tasks": _broken,
        "oversight": lambda u: [Todo(Kind.SIGN, "提示单待签收", 1, "/oversight/notices/")]})
    with caplog.at_level(logging.ERROR, logger="dangjian.core.workbench"):
        response = _signed_in(user("finance_clerk")).get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "待办暂时无法统计" in html and "督查督办" in html and "提示单待签收" in html
    assert any("dangjian.tasks.todos failed" in r.getMessage() and r.exc_info
               for r in caplog.records)
