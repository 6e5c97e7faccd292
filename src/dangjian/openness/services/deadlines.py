"""When a disclosure is due, from its catalogue item's cadence, on the working-day calendar."""

import calendar as month_calendar
from datetime import date

from dangjian.calendar.services import Deadline, add_working_days

from ..models import Cadence
from ..rules import local_settings


def period_end(cadence: str, day: date) -> date:
    """The last day of the month, quarter or year ``day`` falls in."""
    if cadence == Cadence.YEARLY:
        return date(day.year, 12, 31)
    month = day.month if cadence == Cadence.MONTHLY else (day.month - 1) // 3 * 3 + 3
    return date(day.year, month, month_calendar.monthrange(day.year, month)[1])


def due_for(cadence: str, matter_on: date, working_days: int | None = None) -> Deadline:
    """The due date of a disclosure of a matter formed on ``matter_on`` (or of the period it
    falls in): 随时 within a few working days, periodic ones after their period ends, and
    "事项形成后N个工作日" N working days on (default 20: 政府信息公开条例 第二十六条). The days
    are the county's settings (``rules.LocalSettings``), each with its rule and citation."""
    local = local_settings()
    if cadence == Cadence.AT_ONCE:  # rules.AT_ONCE_RULE
        return add_working_days(start=matter_on, n=local.at_once_working_days)
    if cadence == Cadence.AFTER_MATTER:  # rules.GOVERNMENT_PROACTIVE_RULE
        return add_working_days(start=matter_on, n=working_days or local.matter_working_days)
    # rules.AFTER_PERIOD_RULE
    return add_working_days(start=period_end(cadence, matter_on),
                            n=local.after_period_working_days)
