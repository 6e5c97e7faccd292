"""Working days (工作日) and deadlines (期限) such as "N个工作日后" and "N个月后".

A day's status comes from, in order: an administrator's ``HolidayOverride``; the pinned
``chinesecalendar`` package (data 2004–2026); otherwise Mon–Fri. Days of the last kind are
"unknown" unless their year is marked complete (``CalendarYear``), and a deadline that relied on
one is returned as provisional (暂定) rather than refused: the next year's deadlines are needed
before its holiday notice is published. rules.py holds the counting rules and their citations.
"""

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import chinese_calendar
from django.core.exceptions import ValidationError

from . import rules
from .models import CalendarYear, HolidayOverride

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Deadline:
    due: date
    provisional: bool  # relied on a day of a year with no holiday data: may move later
    rule: str  # the rules applied, with citations, for display


@dataclass(frozen=True)
class WorkingDayCount:
    days: int
    provisional: bool  # as for ``Deadline``


@dataclass(frozen=True)
class _Day:
    workday: bool
    known: bool  # False: guessed as Mon–Fri because its year has no data


@cache
def _package_has_year(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


class _Calendar:
    """Overrides and complete years read in bulk for a span of years, so that a computation
    costs one or two queries however many days it walks; later years load on demand."""

    def __init__(self, first: date, last: date) -> None:
        self._overrides: dict[date, bool] = {}
        self._complete_years: set[int] = set()
        self._last_year = first.year - 1
        self._load_until(last.year)

    def _load_until(self, last_year: int) -> None:
        first_year = self._last_year + 1
        self._overrides.update(
            HolidayOverride.objects.filter(
                date__gte=date(first_year, 1, 1), date__lte=date(last_year, 12, 31)
            ).values_list("date", "is_workday")
        )
        without_package = [
            y for y in range(first_year, last_year + 1) if not _package_has_year(y)
        ]
        if without_package:
            self._complete_years.update(
                CalendarYear.objects.filter(year__in=without_package, complete=True)
                .values_list("year", flat=True)
            )
        self._last_year = last_year

    def day(self, d: date) -> _Day:
        if d.year > self._last_year:
            self._load_until(d.year)
        if d in self._overrides:
            return _Day(workday=self._overrides[d], known=True)
        if _package_has_year(d.year):
            return _Day(workday=chinese_calendar.is_workday(d), known=True)
        return _Day(workday=d.weekday() < 5, known=d.year in self._complete_years)


def _rule_text(label: str, applied: tuple[rules.Rule, ...], *, provisional: bool) -> str:
    if provisional:
        applied = (*applied, rules.MONDAY_TO_FRIDAY_FALLBACK)
    return f"{label}：{rules.cite_all(applied)}"


def is_workday(*, day: date) -> bool | None:
    """Whether ``day`` is an official working day; None when nobody knows yet (its year has
    no package data, is not marked complete, and has no override for this very day)."""
    status = _Calendar(day, day).day(day)
    return status.workday if status.known else None


def add_working_days(*, start: date, n: int) -> Deadline:
    """The deadline "n个工作日后": the start day is not counted, then n working days are."""
    if n < 0:
        raise ValidationError("工作日天数不能为负数", code="negative")
    # Five working days rarely take more than ten calendar days; a month covers the longest
    # holiday block. Walking past the estimate only costs one more query per year.
    calendar = _Calendar(start, start + timedelta(days=2 * n + 30))
    due, counted, provisional = start, 0, False
    while counted < n:
        due += ONE_DAY
        status = calendar.day(due)
        provisional = provisional or not status.known
        counted += status.workday
    rule = _rule_text(f"{n}个工作日后", rules.WORKING_DAY_RULES, provisional=provisional)
    return Deadline(due=due, provisional=provisional, rule=rule)


def _corresponding_day(start: date, months: int) -> date:
    """民法典 第二百零二条: the same day of the month, or the month's last day if there is none."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last_day = month_calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last_day))


def add_months(*, start: date, n: int) -> Deadline:
    """The deadline "n个月后": the corresponding day (clamped to the month's end), moved to the
    next working day if that is a holiday or weekend (民法典 第二百零三条)."""
    if n < 0:
        raise ValidationError("月数不能为负数", code="negative")
    due = _corresponding_day(start, n)
    calendar = _Calendar(due, due + timedelta(days=30))
    status = calendar.day(due)
    provisional = not status.known
    while not status.workday:
        due += ONE_DAY
        status = calendar.day(due)
        provisional = provisional or not status.known
    rule = _rule_text(f"{n}个月后", rules.MONTH_RULES, provisional=provisional)
    return Deadline(due=due, provisional=provisional, rule=rule)


def working_days_between(*, start: date, end: date) -> WorkingDayCount:
    """How many working days fall after ``start`` up to and including ``end``, the same
    counting as ``add_working_days``, so ``add_working_days(start, n).due`` gives n."""
    if end < start:
        raise ValidationError("结束日期不能早于开始日期", code="reversed")
    calendar = _Calendar(start, end)
    days = [calendar.day(start + ONE_DAY * offset) for offset in range(1, (end - start).days + 1)]
    return WorkingDayCount(
        days=sum(d.workday for d in days), provisional=not all(d.known for d in days)
    )
