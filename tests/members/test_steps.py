"""The rule engine: each step in order, on time, with its preconditions, and the person's
政治面貌 moving with the record."""

from collections.abc import Callable
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangjian.access.models import User
from dangjian.members.models import Candidate
from dangjian.members.services.candidates import (
    candidate_close,
    candidate_open,
    probation_extend,
)
from dangjian.members.services.steps import step_record
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person
from dangjian.people.services import person_create

from .conftest import TIMELINE, VOTE, details_of, new_id_number

pytestmark = pytest.mark.django_db

Advance = Callable[[Candidate, int], Candidate]


def refusal(clerk: User, candidate: Candidate, number: int, day: date, **details: object) -> str:
    with pytest.raises(ValidationError) as caught:
        step_record(actor=clerk, candidate=candidate, number=number, date=day, **details)
    return "；".join(caught.value.messages)


def test_a_candidate_cannot_become_a_development_target_before_a_full_year_as_activist(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 6)  # activist since 2023-05-10
    message = refusal(clerk, candidate, 7, date(2024, 5, 9), publicity_from=date(2024, 4, 22))
    assert "第十三条" in message and "最早可于2024-05-10列为发展对象" in message
    candidate.refresh_from_db()
    assert candidate.current_step == 6
    assert candidate.person.party_status == PartyStatus.ACTIVIST
    step_record(actor=clerk, candidate=candidate, number=7, date=date(2024, 5, 10),
                publicity_from=date(2024, 4, 22))
    candidate.person.refresh_from_db()
    assert candidate.person.party_status == PartyStatus.CANDIDATE


def test_the_party_status_follows_the_record_from_applicant_to_full_member(
    applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = applicant()
    assert candidate.person.party_status == PartyStatus.APPLICANT
    for last, status in [(2, "入党申请人"), (3, "入党积极分子"), (6, "入党积极分子"),
                         (7, "发展对象"), (16, "发展对象"), (17, "预备党员"), (23, "预备党员"),
                         (24, "正式党员"), (25, "正式党员")]:
        candidate = advance(candidate, last)
        assert (candidate.person.party_status, candidate.status) == (status, status), last
    assert candidate.person.joined_party_on == date(2024, 8, 1)  # the 支部大会's day (党章)
    assert candidate.probation_ends_on == date(2025, 8, 1)


def test_the_probation_year_of_a_29_february_meeting_ends_on_28_february(
    clerk: User, applicant: Callable[..., Candidate], full_members: list[Person],
) -> None:
    candidate = applicant(applied_on=date(2022, 9, 1))
    timeline = {2: date(2022, 9, 10), 3: date(2022, 11, 1), 4: date(2022, 11, 5),
                5: date(2022, 11, 10), 6: date(2023, 5, 4), 7: date(2023, 11, 10),
                8: date(2023, 11, 15), 9: date(2023, 11, 20), 10: date(2023, 12, 5),
                11: date(2023, 12, 15), 12: date(2024, 1, 5), 13: date(2024, 1, 15),
                14: date(2024, 2, 20), 15: date(2024, 2, 29), 16: date(2024, 3, 5),
                17: date(2024, 4, 10)}
    publicity = {3: date(2022, 10, 17), 7: date(2023, 10, 23), 17: date(2024, 3, 18)}
    for number, day in timeline.items():
        details = details_of(number, full_members)
        if number in publicity:
            details["publicity_from"] = publicity[number]
        step_record(actor=clerk, candidate=candidate, number=number, date=day, **details)
    candidate.refresh_from_db()
    assert candidate.probation_ends_on == date(2025, 2, 28)


def test_an_extension_counts_from_the_first_years_end_and_clamps_to_the_month_end(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 17)  # probation ends 2025-08-01
    Candidate.objects.filter(pk=candidate.pk).update(probation_ends_on=date(2025, 8, 31))
    candidate = probation_extend(actor=clerk, candidate=candidate, decided_on=date(2025, 9, 1),
                                 months=6, reason="理想信念教育需要继续加强")
    assert candidate.probation_ends_on == date(2026, 2, 28)


@pytest.mark.parametrize(("months", "expected"), [(5, "申请延长5个月"), (13, "申请延长13个月")])
def test_an_extension_is_6_to_12_months(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance, months: int,
    expected: str,
) -> None:
    candidate = advance(applicant(), 21)
    with pytest.raises(ValidationError, match=expected) as caught:
        probation_extend(actor=clerk, candidate=candidate, decided_on=date(2025, 8, 2),
                         months=months, reason="继续考察")
    assert "第三十四条" in str(caught.value)


def test_the_probation_is_extended_only_once_and_the_meeting_waits_for_its_end(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 22)
    probation_extend(actor=clerk, candidate=candidate, decided_on=date(2025, 8, 2), months=6,
                     reason="继续考察")
    with pytest.raises(ValidationError, match="已延长过一次"):
        probation_extend(actor=clerk, candidate=candidate, decided_on=date(2025, 8, 3),
                         months=6, reason="再延长")
    message = refusal(clerk, candidate, 23, date(2025, 8, 5), **VOTE)
    assert "预备期至2026-02-01届满" in message and "第三十四条" in message


def test_steps_go_in_order(clerk: User, applicant: Callable[..., Candidate]) -> None:
    candidate = applicant()
    for number in range(3, 26):
        message = refusal(clerk, candidate, number, date(2023, 3, 10))
        assert "下一步应为第2步（党组织派人谈话）" in message, number
    assert "步骤应为1至25" in refusal(clerk, candidate, 26, date(2023, 3, 10))
    assert "下一步应为第2步" in refusal(clerk, candidate, 1, date(2023, 3, 10))


def test_reviews_repeat_until_the_next_step(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 6)
    step_record(actor=clerk, candidate=candidate, number=6, date=date(2024, 5, 8))
    candidate = advance(candidate, 7)
    assert "下一步应为第8步" in refusal(clerk, candidate, 6, date(2024, 5, 21))


def test_a_step_cannot_be_dated_before_the_last_one_or_in_the_future(
    clerk: User, applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    assert "不能早于已记录的上一步" in refusal(clerk, candidate, 2, date(2023, 2, 28))
    assert "日期不能晚于今天" in refusal(clerk, candidate, 2, date(2099, 1, 1))


def test_the_talk_is_due_within_a_month_moved_off_the_weekend(
    clerk: User, applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()  # applied 2023-03-01; 2023-04-01 is a Saturday
    message = refusal(clerk, candidate, 2, date(2023, 4, 4))
    assert "第七条" in message and "2023-04-03" in message
    step_record(actor=clerk, candidate=candidate, number=2, date=date(2023, 4, 3))


def test_an_applicant_under_18_is_refused(clerk: User, branch: Organization) -> None:
    with pytest.raises(ValidationError) as caught:
        candidate_open(actor=clerk, organization=branch, applied_on=date(2024, 3, 1),
                       name="王少年", id_number=new_id_number(date(2006, 3, 2)))
    assert "第五条" in str(caught.value) and "未满18岁" in str(caught.value)
    candidate_open(actor=clerk, organization=branch, applied_on=date(2024, 3, 1),
                   name="王成年", id_number=new_id_number(date(2006, 3, 1)))


def test_introducers_are_two_different_full_members(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
    full_members: list[Person], branch: Organization,
) -> None:
    candidate = advance(applicant(), 8)
    probationer = person_create(actor=clerk, name="赵预备", id_number=new_id_number(),
                                organization=branch, party_status=PartyStatus.PROBATIONARY)
    day = TIMELINE[9][0]
    one, other = full_members
    assert "第十四条" in refusal(clerk, candidate, 9, day, introducers=[one])
    assert "第十四条" in refusal(clerk, candidate, 9, day, introducers=[one, one])
    message = refusal(clerk, candidate, 9, day, introducers=[one, probationer])
    assert "第十四条" in message and "赵预备的政治面貌是预备党员" in message
    assert "不能由本人担任" in refusal(clerk, candidate, 9, day,
                                      introducers=[one, candidate.person])
    assert "第十四条" in refusal(clerk, candidate, 9, day, introducers=[one, other, probationer])
    step_record(actor=clerk, candidate=candidate, number=9, date=day, introducers=[one, other])


def test_contacts_are_one_or_two_full_members(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
    full_members: list[Person],
) -> None:
    candidate = advance(applicant(), 4)
    day = TIMELINE[5][0]
    assert "第九条" in refusal(clerk, candidate, 5, day)
    step_record(actor=clerk, candidate=candidate, number=5, date=day, contacts=full_members[:1])


@pytest.mark.parametrize(("days", "hours", "refused"), [
    (2, 20, True), (None, 23, True), (3, None, False), (None, 24, False)])
def test_training_lasts_3_days_or_24_hours(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
    days: int | None, hours: int | None, refused: bool,
) -> None:
    candidate = advance(applicant(), 10)
    details = {"training_days": days, "training_hours": hours}
    if refused:
        message = refusal(clerk, candidate, 11, TIMELINE[11][0], **details)
        assert "第十八条" in message and "待核实" not in message
    else:
        step_record(actor=clerk, candidate=candidate, number=11, date=TIMELINE[11][0], **details)


@pytest.mark.parametrize(("number", "article"), [(10, "第十六条"), (13, "第十九条")])
def test_a_failed_or_missing_review_conclusion_stops_the_record(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance, number: int,
    article: str,
) -> None:
    candidate = advance(applicant(), number - 1)
    day = TIMELINE[number][0]
    assert "结论为不合格" in refusal(clerk, candidate, number, day, passed=False)
    assert article in refusal(clerk, candidate, number, day)


@pytest.mark.parametrize(("vote", "expected"), [
    ({"should_attend": 20, "present": 10, "ayes": 10, "written_ayes": 0}, "不足半数"),
    ({"should_attend": 20, "present": 15, "ayes": 8, "written_ayes": 2}, "未超过半数"),
    ({"should_attend": 20, "present": 15, "ayes": 16, "written_ayes": 0}, "人数不合逻辑"),
    ({"should_attend": 20, "present": 15, "ayes": 8, "written_ayes": 6}, "人数不合逻辑"),
    ({}, "人数不合逻辑"),
])
def test_the_branch_meeting_needs_a_quorum_and_a_majority_of_those_who_should_attend(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance, vote: dict[str, int],
    expected: str,
) -> None:
    candidate = advance(applicant(), 14)
    message = refusal(clerk, candidate, 15, TIMELINE[15][0], **vote)
    assert expected in message and "第二十一条、第二十二条" in message


def test_written_ayes_of_absent_members_count_towards_the_majority(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 14)
    step_record(actor=clerk, candidate=candidate, number=15, date=TIMELINE[15][0],
                should_attend=20, present=11, ayes=9, written_ayes=2)


def test_approval_after_three_months_needs_a_reason_and_never_exceeds_six(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 16)  # 支部大会 2024-08-01: 3 months → 2024-11-01
    publicity = {"publicity_from": date(2024, 10, 21)}
    message = refusal(clerk, candidate, 17, date(2024, 11, 4), **publicity)
    assert "第二十六条" in message and "须写明特殊情况" in message
    # 6 months: 2025-02-01 falls in the Spring Festival break, so the limit is 2025-02-05.
    late = refusal(clerk, candidate, 17, date(2025, 2, 6), late_reason="党委换届",
                   publicity_from=date(2025, 1, 13))
    assert "第二十六条" in late and "2025-02-05" in late
    step_record(actor=clerk, candidate=candidate, number=17, date=date(2024, 11, 4),
                late_reason="党委换届", **publicity)


def test_full_membership_waits_for_the_probation_year_and_approval_comes_within_3_months(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 22)
    message = refusal(clerk, candidate, 23, date(2025, 7, 31), **VOTE)
    assert "第三十条" in message and "预备期至2025-08-01届满" in message
    candidate = advance(candidate, 23)  # 2025-08-05: approval by 2025-11-05
    late = refusal(clerk, candidate, 24, date(2025, 11, 6), publicity_from=date(2025, 10, 20))
    assert "第三十四条至第三十六条" in late


def test_publicity_lasts_the_configured_working_days_before_the_step(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance, settings: object,
) -> None:
    candidate = advance(applicant(), 2)
    message = refusal(clerk, candidate, 3, date(2023, 5, 10), publicity_from=date(2023, 5, 8))
    assert "不少于5个工作日" in message and "本县可配置" in message and "待核实" not in message
    assert "请填写公示开始日期" in refusal(clerk, candidate, 3, date(2023, 5, 10))
    settings.DANGJIAN_MEMBERS = {"publicity_working_days": 0}  # type: ignore[attr-defined]
    assert "不填写：公示开始日期" in refusal(clerk, candidate, 3, date(2023, 5, 10),
                                            publicity_from=date(2023, 5, 8))
    step_record(actor=clerk, candidate=candidate, number=3, date=date(2023, 5, 10))


def test_a_county_may_require_six_months_between_application_and_activist(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance, settings: object,
) -> None:
    settings.DANGJIAN_MEMBERS = {"months_applied_before_activist": 6}  # type: ignore[attr-defined]
    candidate = advance(applicant(), 2)
    day, details = TIMELINE[3]
    message = refusal(clerk, candidate, 3, day, **details)
    assert "满6个月" in message and "2023-09-01" in message


def test_details_a_step_does_not_take_are_refused(
    clerk: User, applicant: Callable[..., Candidate], full_members: list[Person],
) -> None:
    message = refusal(clerk, applicant(), 2, TIMELINE[2][0], introducers=full_members)
    assert "第2步（党组织派人谈话）不填写：入党介绍人" in message


def test_a_closed_record_takes_no_more_steps_and_the_person_is_masses_again(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 3)
    candidate_close(actor=clerk, candidate=candidate, closed_on=date(2023, 6, 1),
                    reason="本人撤回入党申请")
    candidate.person.refresh_from_db()
    assert candidate.person.party_status == PartyStatus.MASSES
    assert "已于2023-06-01终止" in refusal(clerk, candidate, 4, date(2023, 6, 2))


def test_an_existing_non_member_of_the_unit_may_apply_but_not_a_member(
    clerk: User, branch: Organization, full_members: list[Person],
) -> None:
    villager = person_create(actor=clerk, name="钱群众", id_number=new_id_number(),
                             organization=branch)
    candidate = candidate_open(actor=clerk, organization=branch, applied_on=date(2026, 1, 5),
                               person=villager)
    villager.refresh_from_db()
    assert (candidate.current_step, villager.party_status) == (1, PartyStatus.APPLICANT)
    with pytest.raises(ValidationError, match="已有未结束的发展党员档案"):
        candidate_open(actor=clerk, organization=branch, applied_on=date(2026, 1, 6),
                       person=villager)
    with pytest.raises(ValidationError, match="政治面貌是正式党员"):
        candidate_open(actor=clerk, organization=branch, applied_on=date(2026, 1, 6),
                       person=full_members[0])


def test_an_applicant_applies_to_a_branch_of_their_own_unit(
    clerk: User, branch: Organization, user: Callable[[str], User],
    org: Callable[[str], Organization],
) -> None:
    teacher = person_create(actor=user("edu_clerk"), name="孙老师", id_number=new_id_number(),
                            organization=org("县教育局机关第一党支部"))
    with pytest.raises(ValidationError) as caught:
        candidate_open(actor=clerk, organization=branch, applied_on=date(2026, 1, 5),
                       person=teacher)
    assert "第六条" in str(caught.value) and "不属于县财政局" in str(caught.value)
