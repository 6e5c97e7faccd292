"""Parties named in a plan matched to units and posts; due dates suggested from its words."""

from collections.abc import Callable
from datetime import date

import pytest

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.tasks.deadlines import suggested_due
from dangjian.tasks.matching import Matcher, aliases, charged_leader
from dangjian.tasks.selectors import unit_choices


@pytest.mark.parametrize(("words", "due"), [
    ("2020年", date(2020, 12, 31)),
    ("6月底前", date(2026, 6, 30)),
    ("2026年2月底", date(2026, 2, 28)),
    ("9月15日前", date(2026, 9, 15)),
    ("上半年", date(2026, 6, 30)),
    ("第三季度", date(2026, 9, 30)),
    ("“十一”期间", date(2026, 10, 1)),
    ("15个工作日内", date(2026, 12, 31)),  # a limit, not a date: the year's end
    (None, date(2026, 12, 31)),
])
def test_a_due_date_is_suggested_from_the_plans_words(words: str | None, due: date) -> None:
    assert suggested_due(words, year=2026) == due


def test_a_unit_answers_to_the_names_a_speech_uses() -> None:
    names = aliases("示范县人民政府党组", ["示范县"])
    assert {"县人民政府党组", "县政府党组", "示范县政府党组"} <= names
    assert "县委" not in aliases("中共示范县委员会", ["示范县"])  # too short to be safe


@pytest.mark.django_db
def test_owners_are_matched_to_units_and_their_leaders(
    user: Callable[[str], User], org: Callable[[str], Organization],
) -> None:
    matcher = Matcher(unit_choices(user("county_head")))
    members = matcher.match("县政府党组成员")
    assert members.organizations == (org("示范县人民政府党组"),)
    assert {title for _, title in members.persons} == {"书记", "委员"}
    secretary = matcher.match("县财政局党组书记")
    assert secretary.organizations == (org("县财政局"),)
    assert [p for p, _ in secretary.persons] == [user("finance_secretary").person]
    two = matcher.match("县财政局、县教育局")
    assert two.organizations == (org("县财政局"), org("县教育局"))
    assert matcher.match("纪检监察机关").organizations == ()


@pytest.mark.django_db
def test_a_units_leader_in_charge_is_found_above_it(user: Callable[[str], User],
                                                    org: Callable[[str], Organization]) -> None:
    assert charged_leader(org("县财政局党组")) == user("vice_head").person
    assert charged_leader(org("示范县人民政府党组")) is None
    assert charged_leader(None) is None
