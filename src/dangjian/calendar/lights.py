"""Status lights (红黄绿灯) of anything with a deadline, counted in working days."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from .services import add_working_days

GREEN, YELLOW, RED = "green", "yellow", "red"
LABELS = {GREEN: "绿灯", YELLOW: "黄灯", RED: "红灯"}


@dataclass(frozen=True)
class LightCutoffs:
    """Computed once per request or job: a due date after ``yellow_until`` is green, on or
    before it yellow, and before ``today`` red."""

    today: date
    yellow_until: date

    def light(self, due_on: date | None) -> str:
        if due_on is None or due_on > self.yellow_until:
            return GREEN
        return RED if due_on < self.today else YELLOW


_memo: ContextVar[dict[tuple[int, date], LightCutoffs] | None] = ContextVar(
    "dangjian_light_cutoffs", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    """Inside the block, each ``cutoffs`` is computed once (a page that counts many lights,
    e.g. the cockpit, asks the calendar once instead of once per filter)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def cutoffs(*, yellow_working_days: int, today: date | None = None) -> LightCutoffs:
    today = today or timezone.localdate()
    memo = _memo.get()
    key = (yellow_working_days, today)
    if memo is not None and key in memo:
        return memo[key]
    found = LightCutoffs(today, add_working_days(start=today, n=yellow_working_days).due)
    if memo is not None:
        memo[key] = found
    return found
