"""Deadline: the literal time expression bounding an item.

Among several ("6月底前完成排查，9月底前整改到位") the latest calendar date wins; limits
without a calendar date ("汛期", "15个工作日内") are kept when nothing else is stated. Vague
words (按期, 及时) match nothing. Years inside 《…》 are titles, not deadlines.
"""

import re

from .numerals import numeral_value
from .spans import mask

YEAR = r"\d{4}年"
MONTH = r"\d{1,2}月"
DAY = r"\d{1,2}日"
PART_OF_MONTH = r"(?:底|末|中旬|上旬|下旬|初)"
BEFORE = r"(?:前|之前|以前)?"
MONTH_DATE = rf"(?:{YEAR})?{MONTH}(?:{DAY}|{PART_OF_MONTH})?"
YEAR_SPAN = rf"{YEAR}(?:年底|底|末|年末|上半年|下半年|第[一二三四]季度末?)"
# "上半年党建工作总结" names a period's report, it bounds nothing.
RELATIVE = (r"(?:今年底|今年内|年底|年末|年内|本年度内|上半年|下半年|第[一二三四]季度末?)"
            r"(?!党建|工作|总结|情况|的)")
FESTIVAL = (r"(?:(?:“[^”]{1,6}”|\"[^\"]{1,6}\"|春节|元旦|国庆|中秋|清明|端午)(?:期间|前后|前)"
            r"|主汛期|汛期)")
WITHIN = r"\d+个?(?:工作日|日|天|个月|周)(?:内|以内)"
DASH = r"(?:—{1,2}|－|-|~|～|至|到)"
DEADLINE = re.compile(
    rf"(?<![\d每])(?:{MONTH_DATE}{DASH}{MONTH_DATE}|{MONTH_DATE}|{YEAR_SPAN}|{YEAR}(?!度|以来)"
    rf"|{RELATIVE}|{FESTIVAL}|{WITHIN}){BEFORE}"
)
DATE_PARTS = re.compile(rf"(?:(\d{{4}})年)?(?:(\d{{1,2}})月)?(?:(\d{{1,2}})日|({PART_OF_MONTH}))?")
DAY_OF_PART = {"初": 5, "上旬": 10, "中旬": 20, "下旬": 31, "底": 31, "末": 31}
FIXED_FESTIVALS = {
    "元旦": (1, 1), "五一": (5, 1), "七一": (7, 1), "八一": (8, 1), "十一": (10, 1), "国庆": (10, 1)
}
FIXED_FESTIVAL = re.compile(r"[“\"]?(元旦|五一|七一|八一|十一|国庆)[”\"]?(?:期间|前后|前)")
QUARTER = re.compile(r"第([一二三四])季度")
DateKey = tuple[int, int, int]


def calendar_end(end: str, year: int) -> DateKey | None:
    """(year, month, day) for "2026年6月底", "12月31日", "年底", "第二季度"; None otherwise."""
    parts = DATE_PARTS.match(end)
    explicit_year, month, day, part = parts.groups() if parts else (None, None, None, None)
    if explicit_year is None and month is None and not re.search(r"年|季度", end):
        return None  # "15个工作日内", "汛期": a limit, not a calendar date
    resolved_year = (numeral_value(explicit_year) if explicit_year else None) or year
    quarter = QUARTER.search(end)
    if quarter:
        return (resolved_year, 3 * ("一二三四".index(quarter.group(1)) + 1), 31)
    if "上半年" in end:
        return (resolved_year, 6, 30)
    last_day = (numeral_value(day) if day else None) or DAY_OF_PART.get(part or "", 31)
    return (resolved_year, (numeral_value(month) if month else None) or 12, last_day)


def date_key(expression: str, year: int) -> DateKey | None:
    """The date at which an expression ends, comparable across an item's expressions."""
    festival = FIXED_FESTIVAL.match(expression)
    if festival:
        return (year, *FIXED_FESTIVALS[festival.group(1)])
    return calendar_end(re.split(DASH, expression)[-1], year)


def extract_deadline(text: str) -> str | None:
    """The time expression bounding the item: the latest calendar one, else the last one."""
    found = [m.group(0) for m in DEADLINE.finditer(mask(text))]
    if not found:
        return None
    year = 0
    keyed: list[tuple[tuple[int, int, int], int, str]] = []
    for order, expression in enumerate(found):
        explicit = re.match(r"(\d{4})年", expression)
        year = (numeral_value(explicit.group(1)) if explicit else None) or year
        key = date_key(expression, year)
        if key is not None:
            keyed.append((key, order, expression))
    return max(keyed)[2] if keyed else found[-1]
