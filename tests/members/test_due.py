"""next_due: each record's calendar of what comes next and by when."""

from collections.abc import Callable
from datetime import date

import pytest

from dangjian.access.models import User
from dangjian.members.models import Candidate
from dangjian.members.services.candidates import candidate_close, probation_extend
from dangjian.members.services.due import Due, next_due

pytestmark = pytest.mark.django_db

Advance = Callable[[Candidate, int], Candidate]
TODAY = date(2023, 3, 10)


def brief(items: list[Due]) -> list[tuple[int, date | None, date | None]]:
    return [(i.step, i.earliest, i.due) for i in items]


def test_the_talk_is_due_a_month_after_the_application_on_a_working_day(
    applicant: Callable[..., Candidate],
) -> None:
    [talk] = next_due(applicant(), TODAY)
    assert (talk.step, talk.due) == (2, date(2023, 4, 3))  # 2023-04-01 is a Saturday
    assert talk.rule is not None and "第七条" in talk.rule.citation
    assert not talk.overdue
    assert next_due(applicant(), date(2023, 4, 4))[0].overdue


def test_activists_are_reviewed_every_half_year_from_the_last_review(
    applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 3)  # activist 2023-05-10
    assert brief(next_due(candidate, TODAY)) == [(6, None, date(2023, 11, 10)), (4, None, None)]
    candidate = advance(candidate, 6)  # reviewed 2023-11-10
    items = next_due(candidate, TODAY)
    assert brief(items) == [(6, None, date(2024, 5, 10)), (7, date(2024, 5, 10), None)]
    assert items[1].rule is not None and "第十三条" in items[1].rule.citation


def test_after_the_branch_meeting_the_approval_is_due_within_three_months(
    applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 15)  # 2024-08-01
    [talk] = next_due(candidate, TODAY)
    assert (talk.step, talk.due) == (16, date(2024, 11, 1))
    assert talk.rule is not None and "第二十六条" in talk.rule.citation


def test_a_probationer_sees_the_end_of_the_probation_year_and_its_extension(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 17)
    assert brief(next_due(candidate, TODAY)) == [(23, date(2025, 8, 1), None), (18, None, None)]
    candidate = probation_extend(actor=clerk, candidate=advance(candidate, 22),
                                 decided_on=date(2025, 8, 2), months=12, reason="继续考察")
    candidate = Candidate.objects.get(pk=candidate.pk)
    [meeting] = next_due(candidate, TODAY)
    assert (meeting.step, meeting.earliest) == (23, date(2026, 8, 1))
    assert meeting.rule is not None and "第三十四条" in meeting.rule.citation


def test_full_membership_approval_is_due_three_months_after_the_meeting(
    applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    candidate = advance(applicant(), 23)  # 2025-08-05
    assert brief(next_due(candidate, TODAY)) == [(24, None, date(2025, 11, 5))]


def test_nothing_is_due_once_archived_or_closed(
    clerk: User, applicant: Callable[..., Candidate], advance: Advance,
) -> None:
    assert next_due(advance(applicant(), 25), TODAY) == []
    closed = candidate_close(actor=clerk, candidate=applicant(), closed_on=date(2023, 3, 5),
                             reason="本人撤回")
    assert next_due(closed, TODAY) == []
