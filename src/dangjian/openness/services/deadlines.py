"""When a disclosure is due, from its catalogue item's cadence, on the working-day calendar."""

import calendar as month_calendar
from datetime import date

from dangjian.calendar.services import Deadline, add_working_days

from ..models import Cadence
from ..rules import local_settings

# 随时公开: within this many working days of the matter (本县可配置).
AT_ONCE_WORKING_DAYS = 5
# A periodic item (每月/每季/每年) is due this many working days after its period ends.
AFTER_PERIOD_WORKING_DAYS = 10


def period_end(cadence: str, day: date) -> date:
    """The last day of the month, quarter or year ``day`` falls in."""
    if cadence == Cadence.YEARLY:
        return date(day.year, 12, 31)
    month = day.month if cadence == Cadence.MONTHLY else (day.month - 1) // 3 * 3 + 3
    return date(day.year, month, month_calendar.monthrange(day.year, month)[1])


def due_for(cadence: str, matter_on: date, working_days: int | None = None) -> Deadline:
    """The due date of a disclosure of a matter formed on ``matter_on`` (or of the period it
    falls in): 随时 within a few working days, periodic ones after their period ends, and
    "事项形成后N个工作日" N working days on (default 20: 政府信息公开条例 第二十六条)."""
    if cadence == Cadence.AT_ONCE:
        return add_working_days(start=matter_on, n=AT_ONCE_WORKING_DAYS)
    if cadence == Cadence.AFTER_MATTER:
        n = working_days if working_days else local_settings().matter_working_days
        return add_working_days(start=matter_on, n=n)
    return add_working_days(start=period_end(cadence, matter_on), n=AFTER_PERIOD_WORKING_DAYS)
