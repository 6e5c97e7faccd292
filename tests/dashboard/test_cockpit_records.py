"""The cockpit on the demo county's generated year of work (``demo_records``: tasks, findings,
measures, notices, 责任清单, candidates), as ``make run`` shows it: every linked number of each
role's cockpit equals the total of the list it opens, the 责任清单 and 三会一课 figures
included, and a number without a link is one the page says is a plain figure."""

from html import unescape
from typing import Any

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.dashboard.cockpit import cockpit_for
from dangjian.duties.kinds import State
from dangjian.duties.models import ResponsibilityItem
from dangjian.duties.selectors import list_view, lists_for

from .test_cockpit import FIGURE, ROLES, listed_total

ZEROS_OPENED = 10
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_records")]

# Figures that count no register: a rank, a score, a rate, periods, the burden's monthly sums.
PLAIN = {("ranking", "名次"), ("ranking", "得分"), ("ranking", "较上期"),
         ("compliance", "已开（期次）"), ("compliance", "应开（期次）"),
         ("compliance", "完成率%"), ("burden", "手工填报/人"), ("burden", "系统代填"),
         ("unit_score", "名次"), ("unit_score", "得分"), ("deductions", "失分")}


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("username", ROLES)
def test_every_number_on_each_cockpit_equals_its_list_on_the_demo_year(
        user: Any, username: str) -> None:
    client = _client(user(username))
    page = client.get("/cockpit/")
    assert page.status_code == 200
    figures = {(unescape(url), count) for url, count in FIGURE.findall(page.content.decode())}
    assert figures
    if username != "finance_secretary":  # the demo year may leave a unit nothing red
        assert any(count != "0" for _, count in figures)
    # Every non-zero number; of the zeros (a light no row of a group has), the first few: the
    # built records' test (test_cockpit.py) opens every one of them.
    zeros = sorted(f for f in figures if f[1] == "0")[:ZEROS_OPENED]
    for url, count in sorted(f for f in figures if f[1] != "0") + zeros:
        assert listed_total(client, url) == int(count), url


@pytest.mark.parametrize("username", ROLES)
def test_a_number_without_a_link_is_a_declared_plain_figure(user: Any, username: str) -> None:
    cockpit = cockpit_for(user(username))
    unlinked = {(tile.key, column) for tile in cockpit.numbered() for row in tile.rows
                for column, cell in zip(tile.columns, row.cells, strict=True) if not cell.url}
    assert unlinked <= PLAIN
    notes = {tile.key: tile.note for tile in cockpit.tiles}
    for key in {key for key, _ in unlinked} & {"compliance", "burden"}:
        assert notes[key], key  # the tile says why its numbers have no link


@pytest.mark.parametrize("username", ["county_head", "vice_head"])
def test_the_duties_figures_are_each_leaders_items_by_state_and_link_their_items(
        user: Any, username: str) -> None:
    viewer = user(username)
    tile = next(t for t in cockpit_for(viewer).tiles if t.key == "duties")
    assert tile.rows and all(cell.url for row in tile.rows for cell in row.cells)
    expected: dict[str, list[int]] = {}
    year = int(tile.title[:4])
    for rlist in lists_for(viewer).filter(year=year, person__isnull=False):
        counts = list_view(rlist, viewer).counts
        found = expected.setdefault(rlist.person.name, [0, 0, 0])
        for n, state in enumerate((State.DONE, State.DUE, State.OVERDUE)):
            found[n] += counts[state]
    assert {row.label: [int(c.count) for c in row.cells] for row in tile.rows} == {
        name: counts for name, counts in expected.items()}
    assert any(int(c.count) for row in tile.rows for c in row.cells)


def test_the_duties_state_filter_leaves_out_inactive_items(user: Any) -> None:
    head = user("county_head")
    client = _client(head)
    item = ResponsibilityItem.objects.filter(list__person=head.person).first()
    assert item is not None
    url = f"/duties/items/?year={item.list.year}&person={head.person_id}"
    before = sum(listed_total(client, f"{url}&state={s}") for s in State.values)
    assert before == ResponsibilityItem.objects.filter(list__person=head.person,
                                                       active=True).count()
    item.active = False
    item.save(update_fields=["active"])
    after = sum(listed_total(client, f"{url}&state={s}") for s in State.values)
    assert after == before - 1
    assert listed_total(client, url) == before  # without a state, every item is listed


def test_the_compliance_gaps_link_the_units_report(user: Any) -> None:
    tile = next(t for t in cockpit_for(user("county_head")).tiles if t.key == "compliance")
    assert tile.rows
    assert all(row.cells[3].url.startswith("/orglife/compliance/?organization=")
               for row in tile.rows)


def test_each_units_gap_count_equals_the_gap_rows_its_link_lists(user: Any) -> None:
    """The root's own row links the report cut to its own level (仅本级), so a 党委's own
    民主生活会 gap is not counted again among its branches'."""
    head = user("county_head")
    tile = next(t for t in cockpit_for(head).tiles if t.key == "compliance")
    client = _client(head)
    for row in tile.rows:
        page = client.get(row.cells[3].url).content.decode()
        assert page.count('<tr class="gap" data-testid="row-') == row.cells[3].count, row.label
    assert any("own=1" in row.cells[3].url for row in tile.rows)
