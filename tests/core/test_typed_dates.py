"""Dates typed into a page's form: the shapes a clerk types, one Chinese message for the rest,
and the bounds every date keeps."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from dangjian.core.inputs import parse_date

DAY = date(2026, 12, 3)


@pytest.mark.parametrize("typed", ["2026-12-03", "2026/12/3", "2026年12月3日", "20261203",
                                   "2026.12.03", " 2026-12-3 ", "2026年12月03"])
def test_every_typed_shape_reads_as_the_same_day(typed: str) -> None:
    assert parse_date(typed, "完成时限") == DAY


@pytest.mark.parametrize("typed", ["", "abc", "12/03/2026", "2026-13-01", "2026年2月30日",
                                   "2026123", "202612031", "2026-12", "二〇二六年十二月三日"])
def test_anything_else_gets_one_chinese_message_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_date(typed, "完成时限")
    assert refused.value.messages == ["请填写正确的完成时限（年-月-日）"]


@pytest.mark.parametrize("typed", ["1899-12-31", "2101/1/1", "18991231", "2101年1月1日"])
def test_the_bounds_hold_whatever_the_shape(typed: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_date(typed, "完成时限")
    assert "完成时限超出允许的范围" in refused.value.messages[0]


@pytest.mark.parametrize("typed", ["1900-01-01", "2100年12月31日"])
def test_the_bounds_themselves_are_accepted(typed: str) -> None:
    assert parse_date(typed, "日期").year in (1900, 2100)
