from datetime import date

import pytest

from dangjian.people import idnumber


def test_the_standards_own_example_validates() -> None:
    assert idnumber.normalise("11010519491231002X") == "11010519491231002X"


def test_a_lower_case_x_is_normalised_to_upper_case() -> None:
    assert idnumber.normalise(" 11010519491231002x ") == "11010519491231002X"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("110105194912310021", "校验位"),
        ("11010519491331002X", "出生日期"),
        ("1101051949123100", "18位"),
        ("11010519491231002Y", "18位"),
        (f"110105{date.today().year + 1}0101002X", "不合理"),
    ],
)
def test_bad_numbers_are_refused_with_a_chinese_reason(raw: str, message: str) -> None:
    with pytest.raises(idnumber.IdNumberError, match=message):
        idnumber.normalise(raw)


def test_masking_keeps_the_first_six_and_last_four() -> None:
    assert idnumber.mask("11010519491231002X") == "110105********002X"
    assert idnumber.mask_phone("13812341234") == "138****1234"


def test_synthesised_numbers_carry_a_valid_check_character_and_sex() -> None:
    number = idnumber.synthesise("990000", date(1980, 2, 29), 7)
    assert idnumber.normalise(number) == number
    assert idnumber.birth_date(number) == date(1980, 2, 29)
    assert idnumber.is_male(number)
    assert not idnumber.is_male(idnumber.synthesise("990000", date(1980, 2, 29), 8))
