"""How far a duty is met in a year: pure date arithmetic, no database.

A counted duty ("每季度1次") is split into spans; a span is done when enough dates fall in it,
overdue once it has ended short. A duty "as it arises" is overdue while anything owed is late.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from .kinds import Period, State

SPANS_PER_YEAR: dict[str, int] = {
    Period.YEAR: 1, Period.HALF: 2, Period.QUARTER: 4, Period.MONTH: 12,
}


@dataclass(frozen=True)
class Span:
    label: str
    start: date
    end: date


@dataclass(frozen=True)
class SpanState:
    span: Span
    count: int
    state: str


@dataclass(frozen=True)
class Progress:
    state: str
    done: int  # dates counted in the year (or things done, for "as it arises")
    required: int  # 0 for "as it arises"
    spans: tuple[SpanState, ...] = ()
    overdue: int = 0  # things owed and late ("as it arises")


def spans(year: int, period: str) -> list[Span]:
    n = SPANS_PER_YEAR[period]
    months = 12 // n
    out = []
    for i in range(n):
        first, last = i * months + 1, (i + 1) * months
        end = date(year, last, calendar.monthrange(year, last)[1])
        out.append(Span(_label(period, i, year), date(year, first, 1), end))
    return out


def _label(period: str, index: int, year: int) -> str:
    if period == Period.YEAR:
        return f"{year}年"
    if period == Period.HALF:
        return f"{year}年{'上下'[index]}半年"
    if period == Period.QUARTER:
        return f"{year}年第{'一二三四'[index]}季度"
    return f"{year}年{index + 1}月"


def evaluate(*, year: int, period: str, times: int, dates: list[date], owed_late: int = 0,
             today: date) -> Progress:
    in_year = [d for d in dates if d.year == year]
    if period == Period.ONGOING:
        late_or_done = State.OVERDUE if owed_late else State.DONE
        state = late_or_done if owed_late or in_year else State.NOT_ARISEN
        return Progress(state, len(in_year), 0, overdue=owed_late)
    states = []
    for span in spans(year, period):
        count = sum(span.start <= d <= span.end for d in in_year)
        short = State.OVERDUE if span.end < today else State.DUE
        states.append(SpanState(span, count, State.DONE if count >= times else short))
    if any(s.state == State.OVERDUE for s in states):
        overall = State.OVERDUE
    else:
        overall = State.DONE if all(s.state == State.DONE for s in states) else State.DUE
    return Progress(overall, len(in_year), times * len(states), tuple(states))
