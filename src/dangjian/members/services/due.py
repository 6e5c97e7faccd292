"""What is due next on a development record (a per-member calendar, 发展党员日程): the next
step with the window the rules give it, and the half-yearly reviews while they go on."""

from dataclasses import dataclass
from datetime import date

from dangjian.calendar.services import add_months
from dangjian.core.citations import Rule

from .. import rules
from ..models import Candidate
from ..periods import period_end
from .step_rules import History


@dataclass(frozen=True)
class Due:
    step: int
    name: str
    earliest: date | None  # not before this day
    due: date | None  # by this day (a deadline, moved off holidays)
    provisional: bool  # the deadline relied on a year without holiday data
    overdue: bool
    rule: Rule | None  # the rule that sets the window, if any


class _Schedule:
    """Builds ``Due`` items for one candidate on ``today``."""

    def __init__(self, candidate: Candidate, today: date) -> None:
        self.candidate, self.today = candidate, today
        self.dates = History.of(candidate).dates

    def item(self, step: int, rule: Rule | None = None, *, earliest: date | None = None,
             deadline_from: date | None = None, months: int = 0) -> Due:
        deadline = add_months(start=deadline_from, n=months) if deadline_from else None
        due = deadline.due if deadline else None
        return Due(step=step, name=rules.STEPS[step].name, earliest=earliest, due=due,
                   provisional=bool(deadline and deadline.provisional),
                   overdue=bool(due and due < self.today), rule=rule)

    def review(self) -> Due:
        """培养教育考察 every half year, counted from the last review or the activist date."""
        last = self.dates.get(rules.ACTIVIST_REVIEW, self.dates[rules.ACTIVIST_CHOSEN])
        return self.item(rules.ACTIVIST_REVIEW, rules.HALF_YEARLY_REVIEW, deadline_from=last,
                         months=rules.REVIEW_MONTHS)

    def next_step(self, step: int) -> Due:
        """Step ``step`` with the window its rules give, if any."""
        candidate, dates = self.candidate, self.dates
        months_applied = rules.local_settings().months_applied_before_activist
        if step == rules.TALK:
            return self.item(step, rules.TALK_WITHIN_A_MONTH, deadline_from=candidate.applied_on,
                             months=rules.TALK_MONTHS)
        if step == rules.ACTIVIST_CHOSEN and months_applied:
            return self.item(step, rules.applied_before_activist(months_applied),
                             earliest=period_end(candidate.applied_on, months_applied))
        if step == rules.CANDIDATE_CHOSEN:
            return self.item(step, rules.ONE_YEAR_AS_ACTIVIST, earliest=period_end(
                dates[rules.ACTIVIST_CHOSEN], rules.ACTIVIST_YEARS_MONTHS))
        if rules.ADMISSION_MEETING < step <= rules.ADMISSION_APPROVAL:  # the talk, then approval
            return self.item(step, rules.ADMISSION_APPROVAL_LIMIT,
                             deadline_from=dates[rules.ADMISSION_MEETING],
                             months=rules.APPROVAL_MONTHS)
        if step == rules.FULL_MEMBERSHIP_MEETING:
            extended = bool(candidate.extension_months)
            rule = rules.PROBATION_EXTENSION if extended else rules.PROBATION_YEAR
            return self.item(step, rule, earliest=candidate.probation_ends_on)
        if step == rules.FULL_MEMBERSHIP_APPROVAL:
            return self.item(step, rules.FULL_MEMBERSHIP_APPROVAL_LIMIT,
                             deadline_from=dates[rules.FULL_MEMBERSHIP_MEETING],
                             months=rules.APPROVAL_MONTHS)
        return self.item(step)


def next_due(candidate: Candidate, today: date) -> list[Due]:
    """The items due on ``candidate``, soonest first; none once closed or archived."""
    current = candidate.current_step
    if candidate.closed_on or current == rules.LAST_STEP:
        return []
    schedule = _Schedule(candidate, today)
    items = []
    if rules.ACTIVIST_CHOSEN <= current <= rules.ACTIVIST_REVIEW:
        items.append(schedule.review())
    if current + 1 != rules.ACTIVIST_REVIEW:  # the review above is that step
        items.append(schedule.next_step(current + 1))
    if rules.ADMISSION_APPROVAL <= current < rules.FULL_MEMBERSHIP_MEETING - 1:
        items.append(schedule.next_step(rules.FULL_MEMBERSHIP_MEETING))  # 预备期满
    return sorted(items, key=lambda i: (i.due or i.earliest or date.max, i.step))
