"""Recording one of the 25 steps: in order, dated, checked against its rules, then its effects
on the record and on the person's 政治面貌, all in one audited transaction."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.permissions import require
from dangjian.people.models import Person

from .. import rules
from ..models import Candidate, Step
from ..periods import period_end
from .common import person_set_party_status, require_past
from .step_rules import CHECKS, History, check_publicity

VOTE_DETAILS = frozenset({"should_attend", "present", "ayes", "written_ayes"})
COMMON_DETAILS = frozenset({"document", "note"})
STEP_DETAILS: dict[int, frozenset[str]] = {
    rules.CONTACTS_NAMED: frozenset({"contacts"}),
    rules.INTRODUCERS_NAMED: frozenset({"introducers"}),
    rules.POLITICAL_REVIEW: frozenset({"passed"}),
    rules.PRE_REVIEW: frozenset({"passed"}),
    rules.TRAINING: frozenset({"training_days", "training_hours"}),
    rules.ADMISSION_MEETING: VOTE_DETAILS,
    rules.FULL_MEMBERSHIP_MEETING: VOTE_DETAILS,
    rules.ADMISSION_APPROVAL: frozenset({"late_reason"}),
}
DETAIL_LABELS = {
    "document": "文书", "note": "说明", "contacts": "培养联系人", "introducers": "入党介绍人",
    "passed": "审查结论", "training_days": "培训天数", "training_hours": "培训学时",
    "should_attend": "应到人数", "present": "实到人数", "ayes": "赞成人数",
    "written_ayes": "书面赞成人数", "late_reason": "特殊情况", "publicity_from": "公示开始日期",
}
# Steps naming persons keep at most two of them, in the fields first_… and second_….
PERSON_PAIRS = {"contacts": ("contact", rules.CONTACTS),
                "introducers": ("introducer", rules.TWO_INTRODUCERS)}


def details_for(number: int) -> frozenset[str]:
    """The details step ``number`` takes besides its date (forms show exactly these)."""
    local = rules.local_settings()
    publicity = local.publicity_working_days and number in local.publicity_steps
    return COMMON_DETAILS | STEP_DETAILS.get(number, frozenset()) | (
        {"publicity_from"} if publicity else frozenset())


def _check_order(candidate: Candidate, number: int) -> None:
    if number not in rules.STEPS:
        raise ValidationError({"step": f"步骤应为{rules.FIRST_STEP}至{rules.LAST_STEP}之间的数字"})
    if candidate.closed_on:
        raise ValidationError(
            f"该发展党员档案已于{candidate.closed_on:%Y-%m-%d}终止，不能再记录步骤")
    allowed = sorted(rules.allowed_next_steps(candidate.current_step))
    if number not in allowed:
        done = rules.STEPS[candidate.current_step]
        expected = "或".join(f"第{n}步（{rules.STEPS[n].name}）" for n in allowed) or "无"
        raise rules.refusal(rules.STEP_ORDER, f"已完成至第{done.number}步（{done.name}），"
                            f"下一步应为{expected}，不能记录第{number}步", field="step")


def _check_after_previous(history: History, day: date) -> None:
    latest = max(history.dates.values())
    if day < latest:
        raise ValidationError({"date": f"日期不能早于已记录的上一步（{latest:%Y-%m-%d}）"})


def _step_from(candidate: Candidate, number: int, day: date, actor: User,
               details: dict[str, Any]) -> Step:
    """An unsaved step holding the given details; details this step does not take are refused
    rather than kept where nobody would look for them."""
    given = {key: value for key, value in details.items() if value not in (None, "", [], ())}
    unexpected = sorted(set(given) - details_for(number))
    if unexpected:
        labels = "、".join(DETAIL_LABELS.get(key, key) for key in unexpected)
        raise ValidationError({unexpected[0]: f"第{number}步（{rules.STEPS[number].name}）"
                                              f"不填写：{labels}"})
    step = Step(candidate=candidate, number=number, date=day, recorded_by=actor)
    for key, (prefix, rule) in PERSON_PAIRS.items():
        people: list[Person] = list(given.pop(key, []))
        if len(people) > 2:
            raise rules.refusal(rule, f"填写了{len(people)}名", field=key)
        setattr(step, f"first_{prefix}", people[0] if people else None)
        setattr(step, f"second_{prefix}", people[1] if len(people) > 1 else None)
    for key, value in given.items():
        setattr(step, key, value.strip() if isinstance(value, str) else value)
    return step


def _apply(actor: User, candidate: Candidate, history: History, step: Step) -> None:
    """What the step changes: the record's position, the 预备期, the person's status."""
    candidate.current_step = step.number
    if step.number == rules.ADMISSION_APPROVAL:
        meeting = history.dates[rules.ADMISSION_MEETING]
        candidate.probation_ends_on = period_end(meeting, rules.PROBATION_MONTHS)
    candidate.save(update_fields=["current_step", "probation_ends_on"])
    new_status = rules.STATUS_FROM_STEP.get(step.number)
    if new_status is not None:
        person = candidate.person
        # 入党时间 is the day the 支部大会 admitted them (党章); 党龄 counts from 转正.
        joined = history.dates[rules.ADMISSION_MEETING] \
            if step.number == rules.ADMISSION_APPROVAL else person.joined_party_on
        person_set_party_status(actor=actor, person=person, status=new_status,
                                joined_party_on=joined)


def _audit_details(step: Step, details: dict[str, Any]) -> dict[str, Any]:
    out = {"step": step.number, "date": step.date}
    for key, value in details.items():
        if value in (None, "", [], ()):
            continue
        out[key] = [p.pk for p in value] if key in PERSON_PAIRS else value
    return out


def step_record(*, actor: User, candidate: Candidate, number: int, date: date,
                **details: Any) -> Step:
    """Record step ``number`` of ``candidate`` on ``date``, or refuse it naming the rule and
    article it breaks. ``details``: the names ``details_for(number)`` gives; ``contacts`` and
    ``introducers`` are lists of persons."""
    require(actor, "members.enter", candidate.organization)
    require_past(date, "date", "日期")
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().select_related("person").get(
            pk=candidate.pk)
        _check_order(candidate, number)
        history = History.of(candidate)
        _check_after_previous(history, date)
        step = _step_from(candidate, number, date, actor, details)
        if number in CHECKS:
            CHECKS[number](history, step)
        if "publicity_from" in details_for(number):
            check_publicity(history, step)
        step.save()
        _apply(actor, candidate, history, step)
        record(actor=actor, action="candidate.step", target=candidate,
               after=_audit_details(step, details))
    return step
