"""Chinese and circled numerals as they appear in outline markers."""

HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
HAN_CLASS = "[一二三四五六七八九十]"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


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


def numeral_value(label: str) -> int | None:
    """The value of a marker's numeral, whichever script it is written in."""
    if label.isdecimal():
        return int(label)
    if len(label) == 1 and label in CIRCLED:
        return CIRCLED.index(label) + 1
    return han_to_int(label)
