"""The oversight registers' list and detail pages: filters from the one FilterSet, real
pagination, counts by status, export of exactly what is filtered, scope, 办理记录."""

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from dangjian.audit.models import AuditEvent
from dangjian.oversight.models import Finding

pytestmark = pytest.mark.django_db



def test_the_finding_list_filters_counts_and_pages(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    for n in range(23):
        raise_finding(description=f"第{n}号问题：会议记录不全")
    client = as_user("inspector")
    page = client.get("/oversight/findings/", {"q": "会议记录不全"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "共 23 条，第 1/2 页" in text
    assert text.count('href="/oversight/findings/') >= 20  # rows link to their detail pages
    assert "待整改 <b>23</b>" in text
    second = client.get("/oversight/findings/", {"q": "会议记录不全", "page": 2}).content.decode()
    assert "第 2/2 页" in second
    assert "第0号问题" in second and "第22号问题" not in second  # newest first, 20 a page
    beyond = client.get("/oversight/findings/", {"q": "会议记录不全", "page": 99})
    assert "第 2/2 页" in beyond.content.decode()  # past the end: the last page, not an error
    none = client.get("/oversight/findings/", {"q": "没有这样的问题"}).content.decode()
    assert "没有符合条件的记录" in none and "共 0 条" in none


def test_the_export_holds_exactly_the_filtered_rows_and_is_audited(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    raise_finding(description="导出甲：票据不规范")
    raise_finding(unit="县教育局", description="导出乙：台账缺失")
    response = as_user("inspector").get("/oversight/findings/", {"q": "导出", "export": "xlsx",
                                                                 "sort": "description"})
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert "%E9%97%AE%E9%A2%98%E5%8F%B0%E8%B4%A6" in response["Content-Disposition"]  # 问题台账
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    header = values[1]
    assert header[:2] == ["问题单位", "问题描述"]
    assert [row[1] for row in values[2:]] == ["导出乙：台账缺失", "导出甲：票据不规范"]
    event = AuditEvent.objects.filter(action="register.export").latest("id")
    assert event.after["rows"] == 2 and event.after["filters"]["q"] == "导出"


def test_a_unit_sees_only_its_own_findings_in_list_and_detail(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    own = raise_finding(description="财政局的问题")
    other = raise_finding(unit="县教育局", description="教育局的问题")
    client = as_user("finance_clerk")
    text = client.get("/oversight/findings/").content.decode()
    assert "财政局的问题" in text and "教育局的问题" not in text
    assert client.get(f"/oversight/findings/{own['id']}/").status_code == 200
    assert client.get(f"/oversight/findings/{other['id']}/").status_code == 404
    export = client.get("/oversight/findings/", {"export": "xlsx"})
    rows = [row[1] for row in load_workbook(io.BytesIO(export.content)).active.iter_rows(
        min_row=3, values_only=True)]
    assert "财政局的问题" in rows and "教育局的问题" not in rows


def test_bad_filters_say_so_in_chinese_and_show_nothing(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    raise_finding()
    text = as_user("inspector").get("/oversight/findings/", {
        "discovered_from": "2026-13-45", "subtree": "abc"}).content.decode()
    assert "共 0 条" in text
    assert "有效" in text  # Django's Chinese field messages


def test_the_finding_detail_shows_measures_and_its_handling_in_words(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    add_measure: Callable[..., dict[str, Any]],
) -> None:
    finding = raise_finding(description="公务接待超标准")
    measure = add_measure(finding)
    text = as_user("inspector").get(f"/oversight/findings/{finding['id']}/").content.decode()
    assert "公务接待超标准" in text and "建立专项资金集体审批制度" in text
    assert "办理记录" in text
    assert "登记问题" in text and "添加整改措施" in text
    assert " 于 " in text and "月" in text
    measure_page = as_user("finance_clerk").get(f"/oversight/measures/{measure['id']}/")
    assert measure_page.status_code == 200
    assert "添加整改措施" in measure_page.content.decode()


@pytest.mark.parametrize("path", ["/oversight/findings/", "/oversight/notices/",
                                  "/oversight/measures/", "/oversight/risk-points/"])
@pytest.mark.parametrize("sort", ["", "-status", "nonsense"])
def test_every_oversight_list_answers_for_each_role(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
    path: str, sort: str,
) -> None:
    raise_finding()
    for username in ("county_head", "vice_head", "inspector", "finance_secretary", "member"):
        response = as_user(username).get(path, {"sort": sort} if sort else {})
        assert response.status_code == 200, (username, path)
        assert "<table" in response.content.decode()
    assert Client().get(path).status_code == 302  # signed out: to the login page


def test_findings_by_status_count_under_the_other_filters(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    raise_finding(description="计数甲")
    closed = raise_finding(description="计数乙")
    Finding.objects.filter(pk=closed["id"]).update(status="已销号")
    text = as_user("inspector").get("/oversight/findings/", {"q": "计数", "status": "已销号"}
                                    ).content.decode()
    assert "待整改 <b>1</b>" in text and "已销号 <b>1</b>" in text
    assert "共 1 条" in text


def test_the_query_form_asks_for_the_results_alone_with_htmx(
    as_user: Callable[[str], Client], raise_finding: Callable[..., dict[str, Any]],
) -> None:
    raise_finding(description="局部刷新的问题")
    client = as_user("inspector")
    partial = client.get("/oversight/findings/", {"q": "局部刷新"}, HTTP_HX_REQUEST="true")
    text = partial.content.decode()
    assert "局部刷新的问题" in text and "共 1 条" in text
    assert "<html" not in text and "query-form" not in text  # no page, no form around it
    assert "export=xlsx" in text and "q=%E5%B1%80" in text  # 导出 carries the filters shown
    assert "HX-Request" in partial["Vary"]
    bad = client.get("/oversight/findings/", {"discovered_from": "2026-13-45"},
                     HTTP_HX_REQUEST="true").content.decode()
    assert 'data-testid="filter-errors"' in bad and "发现日期起" in bad
    full = client.get("/oversight/findings/", {"q": "局部刷新"}).content.decode()
    assert "<html" in full and "query-form" in full
