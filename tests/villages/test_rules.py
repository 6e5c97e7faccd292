"""The rules kept as data: the accounting system of a year, the credit code's check digit."""

import pytest

from dangjian.villages.rules import accounting_system, credit_code_error


def test_the_category_list_follows_the_year() -> None:
    old, new = accounting_system(2023), accounting_system(2024)
    assert old is not None and new is not None
    assert "发包及上交收入" in old.categories
    assert "发包及上交收入" not in new.categories
    assert accounting_system(1999) is None


@pytest.mark.parametrize(("code", "fault"), [
    ("91350100M000100Y43", ""),
    ("91350100M000100Y44", "校验位"),
    ("91350100M000100Y4", "18位"),
    ("91350100M000100I43", "只能由"),
])
def test_the_credit_code_check(code: str, fault: str) -> None:
    error = credit_code_error(code)
    assert (fault in error) if fault else error == ""
