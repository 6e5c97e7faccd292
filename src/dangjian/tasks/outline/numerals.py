"""Numerals as they appear in outline markers and dates: the one place a numeral becomes an int.

Every marker and date pattern accepts several scripts — ASCII and full-width digits (and any
other Unicode decimal digit that ``\\d`` matches), circled ①…⑳, Chinese 一…九十九 and Roman
Ⅰ…Ⅻ / I…XII — so every conversion goes through :func:`numeral_value`, which knows them all and
answers ``None`` (never an exception) for anything else.
"""

import unicodedata

HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
HAN_CLASS = "[一二三四五六七八九十]"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
ROMAN_CHARS = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"  # the single-character Roman numerals Ⅰ…Ⅻ
ROMAN_LETTERS = {"I": 1, "V": 5, "X": 10, "L": 50}
MAX_ROMAN = 39  # an outline never counts further in Roman numerals


def han_to_int(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20; None for anything an outline would not number with."""
    if not text:
        return None
    if "十" not in text:
        return HAN_DIGITS.get(text) if len(text) == 1 else None
    tens_part, _, units_part = text.partition("十")
    tens = HAN_DIGITS.get(tens_part, -1) if tens_part else 1
    units = HAN_DIGITS.get(units_part, -1) if units_part else 0
    if tens < 1 or units < 0 or "十" in units_part:
        return None
    return tens * 10 + units


def roman_to_int(text: str) -> int | None:
    """Ⅳ → 4, XII → 12 (upper case only, canonical spelling); None otherwise."""
    if len(text) == 1 and text in ROMAN_CHARS:
        return ROMAN_CHARS.index(text) + 1
    if not text or any(c not in ROMAN_LETTERS for c in text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = ROMAN_LETTERS[char]
        following = ROMAN_LETTERS[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if 0 < total <= MAX_ROMAN and int_to_roman(total) == text else None


def int_to_roman(number: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += letters
            number -= value
    return out


def decimal_value(text: str) -> int | None:
    """"12", "１２", "١٢": digits of any script that ``\\d`` accepts; None when one is not."""
    if not text:
        return None
    total = 0
    for char in text:
        digit = unicodedata.decimal(char, None)
        if digit is None:
            return None
        total = total * 10 + digit
    return total


def numeral_value(label: str) -> int | None:
    """The value of a marker's or a date's numeral, whichever script it is written in."""
    label = label.strip()
    if not label:
        return None
    value = decimal_value(label)
    if value is not None:
        return value
    if len(label) == 1 and label in CIRCLED:
        return CIRCLED.index(label) + 1
    value = roman_to_int(label)
    if value is not None:
        return value
    return han_to_int(label)
