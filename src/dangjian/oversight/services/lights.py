"""The oversight loop's lights: the calendar's, with the county's yellow window."""

from datetime import date

from dangjian.calendar.lights import GREEN, LABELS, RED, YELLOW, LightCutoffs
from dangjian.calendar.lights import cutoffs as calendar_cutoffs

from ..rules import local_settings

__all__ = ["GREEN", "LABELS", "RED", "YELLOW", "LightCutoffs", "cutoffs"]


def cutoffs(today: date | None = None) -> LightCutoffs:
    return calendar_cutoffs(yellow_working_days=local_settings().yellow_working_days,
                            today=today)
