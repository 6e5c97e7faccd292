"""The 条例's obligations as data: every rule cites its source and says how sure we are."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test.utils import override_settings

from dangjian.core.citations import Status
from dangjian.orglife.rules import (
    STRUCTURE_RULES,
    LocalSettings,
    Period,
    local_settings,
)


def test_every_rule_names_its_article_and_status() -> None:
    everything = LocalSettings(disabled_rules=())
    for rule in [*everything.meeting_rules, *STRUCTURE_RULES]:
        assert rule.rule.citation and rule.rule.text
        assert isinstance(rule.rule.status, Status)
    uncertain = {r.key for r in everything.meeting_rules if r.rule.status is Status.UNCERTAIN}
    assert uncertain == {"lecture", "democratic_life"}
    assert all(r.configurable for r in everything.meeting_rules if r.key in uncertain)


def test_the_branch_owes_the_three_meetings_and_one_lecture_by_default() -> None:
    rules = {r.key: r for r in local_settings().rules_for("党支部")}
    assert rules["committee"].period is Period.MONTH
    assert rules["assembly"].period is Period.QUARTER
    assert rules["theme_day"].period is Period.MONTH
    assert rules["lecture"].period is Period.QUARTER and rules["lecture"].min_count == 1
    assert rules["org_life"].period is Period.Q4
    assert rules["evaluation"].period is Period.YEAR
    assert "cell" not in rules and "democratic_life" not in rules


@override_settings(DANGJIAN_ORGLIFE={"lecture_period": "YEAR", "lecture_min_count": 6})
def test_a_county_sets_its_own_lecture_rule() -> None:
    lecture = next(r for r in local_settings().meeting_rules if r.key == "lecture")
    assert (lecture.period, lecture.min_count) == (Period.YEAR, 6)
    assert "每年至少6次" in lecture.rule.text


@pytest.mark.parametrize("overrides", [
    {"disabled_rules": ["assembly"]},  # the 条例's own rules cannot be switched off
    {"lecture_period": "QUARTER", "lecture_min_count": 2},  # the rollup counts months, not meetings
    {"lecture_period": "WEEK"},
])
def test_settings_the_rules_cannot_honour_are_refused(overrides: dict) -> None:
    with override_settings(DANGJIAN_ORGLIFE=overrides), pytest.raises(ImproperlyConfigured):
        local_settings()


def test_the_democratic_life_rule_is_on_by_default_for_leading_groups() -> None:
    assert "democratic_life" in {r.key for r in local_settings().rules_for("党组")}
    assert "democratic_life" not in {
        r.key for r in LocalSettings(democratic_life=False).rules_for("党组")}


def test_the_heart_talk_rule_cites_the_regulation() -> None:
    from dangjian.orglife.rules import HEART_TALK_RULE

    assert "支部工作条例" in HEART_TALK_RULE.citation
    assert HEART_TALK_RULE.status is Status.CONFIRMED_2ND
