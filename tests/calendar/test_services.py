from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangjian.calendar.models import CalendarYear, HolidayOverride
from dangjian.calendar.services import (
    add_months,
    add_working_days,
    is_workday,
    working_days_between,
)

pytestmark = pytest.mark.django_db

NOTICE = "国办发明电〔2026〕x号"


def override(day: date, *, is_workday: bool, name: str = "国庆节") -> HolidayOverride:
    return HolidayOverride.objects.create(date=day, is_workday=is_workday, name=name, source=NOTICE)


def enter_national_day_2027() -> None:
    """A made-up 2027 notice: 10/1–10/7 off, Sun 9/26 and Sat 10/9 worked."""
    for day in range(1, 8):
        override(date(2027, 10, day), is_workday=False)
    override(date(2027, 9, 26), is_workday=True, name="补班")
    override(date(2027, 10, 9), is_workday=True, name="补班")


# is_workday


def test_a_makeup_saturday_is_a_workday_and_national_day_is_not():
    assert is_workday(day=date(2026, 10, 10)) is True
    assert is_workday(day=date(2026, 10, 1)) is False


def test_a_day_in_a_year_without_data_is_unknown():
    assert is_workday(day=date(2027, 3, 1)) is None


def test_an_override_answers_for_its_own_day_even_in_a_year_without_data():
    enter_national_day_2027()
    assert is_workday(day=date(2027, 10, 1)) is False
    assert is_workday(day=date(2027, 10, 11)) is None


def test_a_complete_year_falls_back_to_monday_to_friday():
    CalendarYear.objects.create(year=2027, complete=True, source=NOTICE)
    assert is_workday(day=date(2027, 3, 1)) is True
    assert is_workday(day=date(2027, 3, 6)) is False


# add_working_days


def test_five_working_days_after_national_day_eve_lands_on_the_makeup_saturday():
    deadline = add_working_days(start=date(2026, 9, 28), n=5)
    assert deadline.due == date(2026, 10, 10)
    assert deadline.provisional is False


def test_the_start_day_is_not_counted():
    assert add_working_days(start=date(2026, 3, 2), n=1).due == date(2026, 3, 3)


def test_zero_working_days_is_the_start_day_itself():
    deadline = add_working_days(start=date(2026, 3, 7), n=0)
    assert (deadline.due, deadline.provisional) == (date(2026, 3, 7), False)


def test_a_negative_number_of_working_days_is_refused_in_chinese():
    with pytest.raises(ValidationError) as exc_info:
        add_working_days(start=date(2026, 3, 2), n=-1)
    assert exc_info.value.messages == ["工作日天数不能为负数"]


def test_working_days_in_a_year_without_data_are_provisional():
    deadline = add_working_days(start=date(2027, 9, 27), n=5)
    assert deadline.due == date(2027, 10, 4)  # Mon–Fri guess: 10/1 counted as a working day
    assert deadline.provisional is True
    assert "暂按周一至周五" in deadline.rule


def test_a_deadline_running_into_a_year_without_data_is_provisional():
    deadline = add_working_days(start=date(2026, 12, 28), n=5)
    assert deadline.due == date(2027, 1, 4)
    assert deadline.provisional is True


def test_overrides_alone_do_not_make_a_year_certain():
    enter_national_day_2027()
    deadline = add_working_days(start=date(2027, 9, 27), n=5)
    assert deadline.due == date(2027, 10, 9)
    assert deadline.provisional is True


def test_a_year_marked_complete_with_its_overrides_is_no_longer_provisional():
    enter_national_day_2027()
    CalendarYear.objects.create(year=2027, complete=True, source=NOTICE)
    deadline = add_working_days(start=date(2027, 9, 27), n=5)
    assert deadline.due == date(2027, 10, 9)
    assert deadline.provisional is False
    assert "暂按周一至周五" not in deadline.rule


def test_an_override_turning_a_weekday_into_a_holiday_shifts_the_deadline():
    assert add_working_days(start=date(2026, 3, 2), n=3).due == date(2026, 3, 5)
    override(date(2026, 3, 4), is_workday=False, name="临时放假")
    assert add_working_days(start=date(2026, 3, 2), n=3).due == date(2026, 3, 6)


def test_an_override_turning_a_saturday_into_a_workday_counts_it():
    override(date(2026, 3, 7), is_workday=True, name="补班")
    assert add_working_days(start=date(2026, 3, 6), n=1).due == date(2026, 3, 7)


def test_the_deadline_cites_the_civil_code_and_the_holiday_measures():
    rule = add_working_days(start=date(2026, 9, 28), n=5).rule
    assert rule.startswith("5个工作日后：")
    assert "第二百零一条" in rule
    assert "《全国年节及纪念日放假办法》" in rule
    assert "类推适用" in rule and "待核实" not in rule  # a convention, noted for reviewers


def test_adding_working_days_reads_the_overrides_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        add_working_days(start=date(2026, 1, 5), n=20)


def test_a_year_long_walk_still_costs_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):  # overrides, then which package-less years are complete
        add_working_days(start=date(2026, 1, 5), n=250)


# add_months


def test_one_month_after_january_31st_is_february_28th_a_makeup_saturday():
    deadline = add_months(start=date(2026, 1, 31), n=1)
    assert deadline.due == date(2026, 2, 28)
    assert deadline.provisional is False


def test_a_clamped_month_end_on_a_sunday_moves_to_monday():
    assert add_months(start=date(2025, 10, 31), n=1).due == date(2025, 12, 1)


def test_a_leap_year_february_ends_on_the_29th():
    assert add_months(start=date(2024, 1, 31), n=1).due == date(2024, 2, 29)


def test_a_month_landing_on_national_day_moves_to_the_next_working_day():
    deadline = add_months(start=date(2026, 9, 1), n=1)
    assert deadline.due == date(2026, 10, 8)
    assert "第二百零三条" in deadline.rule


def test_months_crossing_the_year_end_count_correctly():
    assert add_months(start=date(2025, 11, 16), n=3).due == date(2026, 2, 24)  # 春节 2/15–2/23


def test_a_month_ending_in_a_year_without_data_is_provisional():
    deadline = add_months(start=date(2026, 12, 15), n=1)
    assert deadline.due == date(2027, 1, 15)
    assert deadline.provisional is True


def test_a_negative_number_of_months_is_refused_in_chinese():
    with pytest.raises(ValidationError) as exc_info:
        add_months(start=date(2026, 1, 31), n=-1)
    assert exc_info.value.messages == ["月数不能为负数"]


# working_days_between


def test_working_days_between_counts_the_end_day_but_not_the_start_day():
    count = working_days_between(start=date(2026, 9, 28), end=date(2026, 10, 10))
    assert (count.days, count.provisional) == (5, False)


def test_no_working_days_lie_between_a_day_and_itself():
    assert working_days_between(start=date(2026, 3, 2), end=date(2026, 3, 2)).days == 0


def test_a_count_reaching_into_a_year_without_data_is_provisional():
    count = working_days_between(start=date(2026, 12, 28), end=date(2027, 1, 4))
    assert (count.days, count.provisional) == (5, True)


def test_a_reversed_range_is_refused_in_chinese():
    with pytest.raises(ValidationError) as exc_info:
        working_days_between(start=date(2026, 3, 2), end=date(2026, 3, 1))
    assert exc_info.value.messages == ["结束日期不能早于开始日期"]


@pytest.mark.parametrize("start", [date(2026, 1, 30), date(2026, 9, 18), date(2026, 12, 24)])
@pytest.mark.parametrize("n", [1, 5, 10, 30])
def test_counting_back_the_working_days_to_a_deadline_gives_n(start, n):
    due = add_working_days(start=start, n=n).due
    assert working_days_between(start=start, end=due).days == n
