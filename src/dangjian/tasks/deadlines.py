"""A due date suggested from a plan's literal time expression ("6月底前", "“十一”期间").

The parser keeps the words as written; the reviewer needs a date. Expressions without a
calendar end ("15个工作日内", "汛期") suggest nothing, and an item with no expression gets
the end of the plan's year, when yearly work plans fall due.
"""

import calendar
from datetime import date

from .outline.deadlines import date_key


def suggested_due(deadline: str | None, *, year: int) -> date:
    if deadline:
        key = date_key(deadline, year)
        if key is not None:
            key_year, month, day = key
            last = calendar.monthrange(key_year, month)[1]
            return date(key_year, month, min(day, last))
    return date(year, 12, 31)
