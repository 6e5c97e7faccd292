"""The cockpit's figures for each role, on built records: what each role sees, that a vice
head never sees outside his 分管 set, and that every number on the page equals the total of
the list it links to."""

import io
import re
from html import unescape
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from dangjian.access.models import User
from dangjian.dashboard.cockpit import cockpit_for
from dangjian.dashboard.pages import figure_rows

from .conftest import Built

COCKPIT = "/cockpit/"
ROLES = ["county_head", "vice_head", "inspector", "finance_secretary"]
FIGURE = re.compile(r'<a href="([^"]+)" data-figure data-count="([^"]+)">')


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def listed_total(client: Client, url: str) -> int:
    """How many rows the linked page lists: a register's paginator, or the compliance
    report's rows (its gaps)."""
    response = client.get(url)
    assert response.status_code == 200, url
    if "page_obj" in response.context:
        return int(response.context["page_obj"].paginator.count)
    return len(response.context["rows"])


def _figures(html: str) -> list[tuple[str, str]]:
    return [(unescape(url), count) for url, count in FIGURE.findall(html)]


def _tile(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(tile for tile in data["tiles"] if tile["key"] == key)


def _counts(tile: dict[str, Any], column: int = 0) -> dict[str, Any]:
    return {row["label"]: row["cells"][column]["count"] for row in tile["rows"]}


@pytest.mark.parametrize("username", ROLES)
def test_every_number_on_the_cockpit_equals_the_total_of_its_list(
        built: Built, user: Any, username: str) -> None:
    client = _client(user(username))
    page = client.get(COCKPIT)
    assert page.status_code == 200
    figures = _figures(page.content.decode())
    assert figures, "the cockpit shows no linked number"
    assert any(count != "0" for _, count in figures)
    for url, count in figures:
        assert listed_total(client, url) == int(count), url


def test_the_county_head_sees_the_red_items_of_every_module_in_both_departments(
        built: Built, user: Any) -> None:
    data = cockpit_for(user("county_head")).as_dict()
    red = {(item["kind"], item["id"]) for item in data["red"]}
    for unit in ("县财政局", "县教育局"):
        assert {("task", t.pk) for t in built.tasks[unit][:2]} <= red
        assert ("task", built.tasks[unit][2].pk) not in red  # due today: yellow
        assert ("notice", built.notices[unit].pk) in red
        assert {("measure", built.measures[unit][0].pk),
                ("measure", built.measures[unit][3].pk)} <= red
        assert ("measure", built.measures[unit][1].pk) not in red
    assert all(item["light"] == "red" and item["url"] for item in data["red"])
    notices = _tile(data, "findings")
    assert notices["columns"] == ["红灯", "黄灯", "绿灯"]


def test_the_county_head_sees_open_findings_by_vice_head_and_light(
        built: Built, user: Any) -> None:
    data = cockpit_for(user("county_head")).as_dict()
    findings = _tile(data, "findings")
    finance_leader = built.findings["县财政局"][0].responsible_leader
    row = next(r for r in findings["rows"] if r["label"] == finance_leader.name)
    # 县财政局: red measures on two findings, a yellow one on one, a green one on one
    red, yellow, _green = (cell["count"] for cell in row["cells"])
    assert red >= 2 and yellow >= 1


def test_a_vice_head_never_sees_a_department_outside_his_charge(
        built: Built, user: Any) -> None:
    data = cockpit_for(user("vice_head")).as_dict()
    text = str(data)
    assert "县教育局" not in text
    red = {(item["kind"], item["id"]) for item in data["red"]}
    assert ("task", built.tasks["县财政局"][0].pk) in red
    assert ("task", built.tasks["县教育局"][0].pk) not in red
    assert ("notice", built.notices["县教育局"].pk) not in red


def test_the_inspector_sees_findings_by_source_category_accountability_and_repeats(
        built: Built, user: Any) -> None:
    data = cockpit_for(user("inspector")).as_dict()
    assert _counts(_tile(data, "findings_by_source"))["监督执纪"] >= 8
    assert _counts(_tile(data, "four_forms"))["第一种形态"] >= 2
    repeats = _counts(_tile(data, "repeats"))
    assert repeats["合计"] >= 2 and repeats["县财政局"] >= 1 and repeats["县教育局"] >= 1
    assert not any(t["key"] == "findings" for t in data["tiles"])  # not the head's tiles


def test_a_unit_secretary_sees_his_units_score_and_each_lost_point_with_its_record(
        built: Built, user: Any) -> None:
    data = cockpit_for(user("finance_secretary")).as_dict()
    assert "县教育局" not in str(data)
    score = _tile(data, "unit_score")["rows"]
    assert [row["label"] for row in score] == ["县财政局党组"]
    assert score[0]["cells"][1]["count"] == 8.0
    lost = data["deductions"]
    assert lost[0]["lost"] == 2.0 and lost[0]["basis_text"] == "问题未按期整改"
    finding = built.findings["县财政局"][0]
    assert lost[0]["records"][0]["url"] == f"/oversight/findings/{finding.pk}/"
    assert {item["organization"] for item in data["red"]} == {"县财政局"}


def test_the_api_returns_the_contracts_field_names(built: Built, api_as: Any) -> None:
    response = api_as("county_head").get("/api/v1/dashboard/")
    assert response.status_code == 200
    body = response.json()
    assert {"scope", "as_of", "red"} <= set(body)
    assert set(body["red"][0]) == {"module", "kind", "id", "title", "organization", "light",
                                   "due_on", "url"}
    assert body["scope"]["subtrees"][0]["name"]


@pytest.mark.parametrize("username", ["member", "finance_clerk", "assessor"])
def test_roles_without_a_cockpit_are_refused_on_the_page_and_the_api(
        db: None, user: Any, api_as: Any, username: str) -> None:
    assert _client(user(username)).get(COCKPIT).status_code == 403
    response = api_as(username).get("/api/v1/dashboard/")
    assert response.status_code == 403
    assert "领导驾驶舱" in response.json()["detail"]


def test_the_xlsx_holds_the_figures_of_the_page(built: Built, user: Any) -> None:
    head = user("county_head")
    client = _client(head)
    page_counts = sorted(count for _, count in _figures(client.get(COCKPIT).content.decode()))
    response = client.get("/cockpit/cockpit.xlsx")
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert rows == figure_rows(cockpit_for(head))
    linked = {(tile.title, row.label, column): cell.count
              for tile in cockpit_for(head).numbered() for row in tile.rows
              for column, cell in zip(tile.columns, row.cells, strict=True) if cell.url}
    assert sorted(str(v) for v in linked.values()) == page_counts


def test_the_report_is_one_page_with_the_date_and_the_scope(built: Built, user: Any) -> None:
    page = _client(user("county_head")).get("/cockpit/report/").content.decode()
    assert "截至" in page and "范围：" in page and "cockpit.css" in page
    assert 'data-chart=' not in page


@pytest.mark.parametrize(("username", "lands"), [
    ("county_head", COCKPIT), ("vice_head", COCKPIT), ("inspector", COCKPIT),
    ("finance_secretary", COCKPIT), ("finance_clerk", "/"), ("member", "/")])
def test_signing_in_lands_the_leaders_on_the_cockpit_and_others_on_the_workbench(
        db: None, demo_password: str, username: str, lands: str) -> None:
    response = Client().post("/login/", {"username": username,
                                                  "password": demo_password})
    assert response.status_code == 302
    assert response["Location"] == lands
