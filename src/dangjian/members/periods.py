"""Period ends (期间届满) that are dates of status, not deadlines to act by.

A 预备期 ends, and a year as activist is complete, on the corresponding day even when it is a
Sunday: the 转正 date and the 党龄 count from it. So these do not use ``calendar.add_months``,
which moves a deadline off holidays (民法典 第二百零三条); deadlines to act by still do.
"""

import calendar as month_calendar
from datetime import date


def period_end(start: date, months: int) -> date:
    """The corresponding day ``months`` after ``start``, or that month's last day when there is
    none (民法典 第二百零二条, applied by analogy as calendar.rules says): 2024-02-29 plus
    12 months is 2025-02-28."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, month_calendar.monthrange(year, month)[1]))
