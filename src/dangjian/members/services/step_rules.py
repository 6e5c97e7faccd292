"""Each step's own time limits and preconditions. A check raises ``rules.refusal`` naming the
rule and its article; ``steps.step_record`` runs the one for the step being recorded."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dangjian.calendar.services import add_months, add_working_days
from dangjian.core.citations import Rule
from dangjian.people.models import PartyStatus, Person

from .. import rules
from ..models import Candidate, Step
from ..periods import period_end


@dataclass(frozen=True)
class History:
    """What a check needs to know of the record: the latest date of each recorded step."""

    candidate: Candidate
    dates: dict[int, date]

    @classmethod
    def of(cls, candidate: Candidate) -> "History":
        dates: dict[int, date] = {}
        for step in candidate.steps.all():  # prefetched by the lists
            dates[step.number] = max(step.date, dates.get(step.number, step.date))
        return cls(candidate, dates)


def _ymd(day: date) -> str:
    return f"{day:%Y-%m-%d}"


def check_talk(history: History, step: Step) -> None:
    applied_on = history.candidate.applied_on
    deadline = add_months(start=applied_on, n=rules.TALK_MONTHS).due
    if step.date > deadline:
        raise rules.refusal(rules.TALK_WITHIN_A_MONTH,
                            f"入党申请书于{_ymd(applied_on)}递交，谈话最迟应在{_ymd(deadline)}进行")


def check_applied_long_enough(history: History, step: Step) -> None:
    months = rules.local_settings().months_applied_before_activist
    earliest = period_end(history.candidate.applied_on, months)
    if months and step.date < earliest:
        raise rules.refusal(rules.applied_before_activist(months),
                            f"最早可于{_ymd(earliest)}确定为入党积极分子")


def _full_members(rule: Rule, people: list[Person], candidate: Candidate, field: str,
                  counts: range) -> None:
    """The named persons are distinct 正式党员 other than the candidate, as many as allowed."""
    if len(people) not in counts or len({p.pk for p in people}) != len(people):
        raise rules.refusal(rule, f"填写了{len(people)}名不同人员", field=field)
    for person in people:
        if person.pk == candidate.person_id:
            raise rules.refusal(rule, "不能由本人担任", field=field)
        if person.party_status != PartyStatus.FULL_MEMBER:
            raise rules.refusal(rule, f"{person.name}的政治面貌是{person.party_status}",
                                field=field)


def check_contacts(history: History, step: Step) -> None:
    contacts = [p for p in (step.first_contact, step.second_contact) if p is not None]
    _full_members(rules.CONTACTS, contacts, history.candidate, "contacts", range(1, 3))


def check_year_as_activist(history: History, step: Step) -> None:
    activist_on = history.dates[rules.ACTIVIST_CHOSEN]
    earliest = period_end(activist_on, rules.ACTIVIST_YEARS_MONTHS)
    if step.date < earliest:
        raise rules.refusal(rules.ONE_YEAR_AS_ACTIVIST, f"{_ymd(activist_on)}确定为入党积极分子，"
                            f"最早可于{_ymd(earliest)}列为发展对象")


def check_introducers(history: History, step: Step) -> None:
    introducers = [p for p in (step.first_introducer, step.second_introducer) if p is not None]
    count = rules.INTRODUCER_COUNT
    _full_members(rules.TWO_INTRODUCERS, introducers, history.candidate, "introducers",
                  range(count, count + 1))


def _check_passed(rule: Rule, step: Step, what: str) -> None:
    if step.passed is not True:
        detail = f"{what}结论为不合格" if step.passed is False else f"未填写{what}结论"
        raise rules.refusal(rule, detail, field="passed")


def check_political_review(history: History, step: Step) -> None:
    _check_passed(rules.POLITICAL_REVIEW_PASSED, step, "政治审查")


def check_pre_review(history: History, step: Step) -> None:
    _check_passed(rules.PRE_REVIEW_PASSED, step, "预审")


def check_training(history: History, step: Step) -> None:
    days, hours = step.training_days or 0, step.training_hours or 0
    if days < rules.TRAINING_DAYS and hours < rules.TRAINING_HOURS:
        raise rules.refusal(rules.SHORT_TRAINING, f"实际培训{days}天、{hours}学时",
                            field="training_days")


def check_vote(history: History, step: Step) -> None:
    """支部大会: the counts must add up, more than half present, ayes over half of those who
    should attend; written opinions of members not present count as votes."""
    should, present = step.should_attend or 0, step.present or 0
    ayes, written = step.ayes or 0, step.written_ayes or 0
    if should < 1 or present > should or ayes > present or written > should - present:
        raise rules.refusal(rules.BRANCH_MEETING_VOTE,
                            f"人数不合逻辑：应到{should}人、实到{present}人、"
                            f"到会赞成{ayes}人、书面赞成{written}人", field="should_attend")
    if present * 2 <= should:
        raise rules.refusal(rules.BRANCH_MEETING_VOTE, f"应到{should}人，实到{present}人，不足半数",
                            field="present")
    if (ayes + written) * 2 <= should:
        raise rules.refusal(rules.BRANCH_MEETING_VOTE,
                            f"应到{should}人，赞成{ayes + written}人，未超过半数，未通过",
                            field="ayes")


def check_admission_approval(history: History, step: Step) -> None:
    meeting = history.dates[rules.ADMISSION_MEETING]
    normal = add_months(start=meeting, n=rules.APPROVAL_MONTHS).due
    longest = add_months(start=meeting, n=rules.APPROVAL_MAX_MONTHS).due
    if step.date > longest:
        raise rules.refusal(rules.ADMISSION_APPROVAL_LIMIT, f"支部大会于{_ymd(meeting)}通过，"
                            f"审批最迟应在{_ymd(longest)}完成")
    if step.date > normal and not step.late_reason.strip():
        raise rules.refusal(rules.ADMISSION_APPROVAL_LIMIT,
                            f"超过{_ymd(normal)}审批的，须写明特殊情况", field="late_reason")


def check_full_membership_meeting(history: History, step: Step) -> None:
    ends_on = history.candidate.probation_ends_on
    assert ends_on is not None  # set when step 17 was recorded
    if step.date < ends_on:
        rule = rules.PROBATION_EXTENSION if history.candidate.extension_months \
            else rules.PROBATION_YEAR
        raise rules.refusal(rule, f"预备期至{_ymd(ends_on)}届满，届满前不能讨论转正")
    check_vote(history, step)


def check_full_membership_approval(history: History, step: Step) -> None:
    meeting = history.dates[rules.FULL_MEMBERSHIP_MEETING]
    deadline = add_months(start=meeting, n=rules.APPROVAL_MONTHS).due
    if step.date > deadline:
        raise rules.refusal(rules.FULL_MEMBERSHIP_APPROVAL_LIMIT, f"支部大会于{_ymd(meeting)}"
                            f"通过转正，审批最迟应在{_ymd(deadline)}完成")


def check_publicity(history: History, step: Step) -> None:
    """The configured publicity: n working days from its first day, ended before the step."""
    days = rules.local_settings().publicity_working_days
    rule = rules.publicity(days)
    if step.publicity_from is None:
        raise rules.refusal(rule, "请填写公示开始日期", field="publicity_from")
    last_day = add_working_days(start=step.publicity_from - timedelta(days=1), n=days).due
    if step.date <= last_day:
        raise rules.refusal(rule, f"公示自{_ymd(step.publicity_from)}开始，至{_ymd(last_day)}期满，"
                            f"最早可于{_ymd(last_day + timedelta(days=1))}办理",
                            field="publicity_from")


CHECKS: dict[int, Callable[[History, Step], None]] = {
    rules.TALK: check_talk,
    rules.ACTIVIST_CHOSEN: check_applied_long_enough,
    rules.CONTACTS_NAMED: check_contacts,
    rules.CANDIDATE_CHOSEN: check_year_as_activist,
    rules.INTRODUCERS_NAMED: check_introducers,
    rules.POLITICAL_REVIEW: check_political_review,
    rules.TRAINING: check_training,
    rules.PRE_REVIEW: check_pre_review,
    rules.ADMISSION_MEETING: check_vote,
    rules.ADMISSION_APPROVAL: check_admission_approval,
    rules.FULL_MEMBERSHIP_MEETING: check_full_membership_meeting,
    rules.FULL_MEMBERSHIP_APPROVAL: check_full_membership_approval,
}
