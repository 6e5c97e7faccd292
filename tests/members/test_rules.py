"""The regulations as data: the 25 steps, the transition map, each rule's article and status."""

from datetime import date

import pytest

from dangjian.core.citations import Status
from dangjian.members import rules
from dangjian.members.periods import period_end


def test_there_are_twenty_five_steps_in_five_stages_in_the_flow_charts_order() -> None:
    assert list(rules.STEPS) == list(range(1, 26))
    per_stage = [len(rules.steps_in_stage(stage)) for stage in rules.Stage]
    assert per_stage == [2, 4, 5, 7, 7]
    assert rules.STEPS[7].name == "确定发展对象"
    assert rules.STEPS[17].name == "上级党委审批" and rules.STEPS[17].stage == rules.Stage.ADMISSION
    assert rules.STEPS[25].name == "材料归档"


def test_the_five_statuses_follow_steps_3_7_17_and_24() -> None:
    assert rules.STATUSES == ("入党申请人", "入党积极分子", "发展对象", "预备党员", "正式党员")
    assert [rules.status_after(n) for n in (2, 3, 6, 7, 16, 17, 23, 24, 25)] == [
        "入党申请人", "入党积极分子", "入党积极分子", "发展对象", "发展对象", "预备党员",
        "预备党员", "正式党员", "正式党员"]


@pytest.mark.parametrize("current", list(rules.STEPS))
def test_only_the_next_step_or_one_more_review_is_allowed(current: int) -> None:
    allowed = rules.allowed_next_steps(current)
    for number in rules.STEPS:
        expected = number == current + 1 or (number == current and current in (6, 21))
        assert (number in allowed) == expected, (current, number)


@pytest.mark.parametrize(("rule", "article", "status"), [
    (rules.MIN_AGE, "第五条", Status.CONFIRMED),
    (rules.TALK_WITHIN_A_MONTH, "第七条", Status.CONFIRMED),
    (rules.ONE_YEAR_AS_ACTIVIST, "第十三条", Status.CONFIRMED),
    (rules.TWO_INTRODUCERS, "第十四条", Status.CONFIRMED_2ND),
    (rules.SHORT_TRAINING, "第十八条", Status.CONFIRMED),
    (rules.BRANCH_MEETING_VOTE, "第二十一条、第二十二条", Status.CONFIRMED),
    (rules.ADMISSION_APPROVAL_LIMIT, "第二十六条", Status.CONFIRMED_2ND),
    (rules.PROBATION_YEAR, "第三十条", Status.CONFIRMED),
    (rules.PROBATION_EXTENSION, "第三十四条", Status.CONFIRMED_2ND),
    (rules.FULL_MEMBERSHIP_APPROVAL_LIMIT, "第三十四条至第三十六条", Status.CONFIRMED_2ND),
    (rules.publicity(5), "本县可配置", Status.UNCERTAIN),
])
def test_each_rule_cites_its_article_with_the_status_rules_md_gives(
    rule: rules.Rule, article: str, status: Status
) -> None:
    assert article in rule.citation
    assert rule.status is status


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2024, 8, 1), 12, date(2025, 8, 1)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),  # no 29 February in 2025
    (date(2023, 8, 31), 6, date(2024, 2, 29)),  # month end, leap year
    (date(2025, 6, 28), 12, date(2026, 6, 28)),  # a Sunday stays: a period's end is a status
])
def test_a_period_ends_on_the_corresponding_day_or_the_months_last(
    start: date, months: int, end: date
) -> None:
    assert period_end(start, months) == end


def test_local_settings_come_from_the_dangjian_members_dict(settings: object) -> None:
    assert rules.local_settings().publicity_working_days == 5
    settings.DANGJIAN_MEMBERS = {"publicity_working_days": 7}  # type: ignore[attr-defined]
    assert rules.local_settings().publicity_working_days == 7
