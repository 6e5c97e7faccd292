"""Progress in a year is date arithmetic: counted spans, or things owed as they arise."""

from datetime import date

from dangjian.duties.cadence import evaluate, spans
from dangjian.duties.kinds import Period, State


def test_a_quarterly_duty_has_four_spans_ending_on_the_quarters_last_day() -> None:
    quarters = spans(2026, Period.QUARTER)
    assert [(s.start, s.end) for s in quarters][1] == (date(2026, 4, 1), date(2026, 6, 30))
    assert quarters[3].label == "2026年第四季度"
    assert len(spans(2026, Period.MONTH)) == 12 and spans(2026, Period.HALF)[1].label == \
        "2026年下半年"


def test_a_yearly_count_is_due_until_met_and_overdue_after_the_year() -> None:
    twice = {"year": 2026, "period": Period.YEAR, "times": 2}
    one = [date(2026, 3, 1)]
    assert evaluate(**twice, dates=one, today=date(2026, 6, 1)).state == State.DUE
    both = evaluate(**twice, dates=[*one, date(2026, 9, 9)], today=date(2026, 9, 10))
    assert (both.state, both.done, both.required) == (State.DONE, 2, 2)
    assert evaluate(**twice, dates=one, today=date(2027, 1, 5)).state == State.OVERDUE


def test_a_missed_quarter_makes_the_duty_overdue_whatever_follows() -> None:
    dates = [date(2026, 5, 1), date(2026, 8, 1)]
    progress = evaluate(year=2026, period=Period.QUARTER, times=1, dates=dates,
                        today=date(2026, 11, 27))
    assert [s.state for s in progress.spans] == [State.OVERDUE, State.DONE, State.DONE,
                                                 State.DUE]
    assert progress.state == State.OVERDUE and progress.required == 4


def test_dates_of_another_year_do_not_count() -> None:
    progress = evaluate(year=2026, period=Period.YEAR, times=1, dates=[date(2025, 12, 31)],
                        today=date(2026, 3, 1))
    assert progress.done == 0 and progress.state == State.DUE


def test_an_as_it_arises_duty_is_overdue_while_anything_owed_is_late() -> None:
    base = {"year": 2026, "period": Period.ONGOING, "times": 0, "today": date(2026, 6, 1)}
    assert evaluate(**base, dates=[]).state == State.NOT_ARISEN
    assert evaluate(**base, dates=[date(2026, 2, 1)]).state == State.DONE
    late = evaluate(**base, dates=[date(2026, 2, 1)], owed_late=1)
    assert (late.state, late.overdue) == (State.OVERDUE, 1)
