"""减负 measured: per clerk and month, the forms submitted and the fields typed by hand, and
the values the platform filled itself from data it already held (issue 12, "Burden").

Contract for the cockpit: ``county_burden(user, months)`` → one ``MonthBurden`` per month,
oldest first, over the clerks in the user's scope.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class MonthBurden:
    month: str  # "2026-11"
    clerks: int  # clerks who submitted anything that month
    forms: int
    typed: int  # fields typed by hand
    filled: int  # values the platform filled
    typed_per_clerk: float


def county_burden(user: Any, months: int = 6) -> list[MonthBurden]:
    return []
