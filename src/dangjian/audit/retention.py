"""How long live audit events are kept before an archived prefix may be pruned.

The retention is ``DANGJIAN_AUDIT_RETENTION_MONTHS`` calendar months (default 6); anything
shorter than the 6 months of 网络安全法 第二十一条（三） is refused (``rules.LOG_RETENTION``).
"""

import calendar
from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from .rules import DEFAULT_RETENTION_MONTHS, LOG_RETENTION, MINIMUM_RETENTION_MONTHS


def retention_months() -> int:
    raw = getattr(settings, "DANGJIAN_AUDIT_RETENTION_MONTHS", DEFAULT_RETENTION_MONTHS)
    try:
        months = int(raw)
    except (TypeError, ValueError) as exc:
        raise ImproperlyConfigured(
            f"DANGJIAN_AUDIT_RETENTION_MONTHS 必须是整数月数，当前为“{raw}”"
        ) from exc
    if months < MINIMUM_RETENTION_MONTHS:
        raise ImproperlyConfigured(
            f"审计日志保留期不能短于 {MINIMUM_RETENTION_MONTHS} 个月（{LOG_RETENTION.citation}），"
            f"当前设置为 {months} 个月"
        )
    return months


def months_before(day: date, months: int) -> date:
    """The corresponding day ``months`` earlier, or that month's last day (民法典 第二百零二条)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month0 + 1, min(day.day, calendar.monthrange(year, month0 + 1)[1]))


def retention_cutoff(*, now: datetime, months: int) -> datetime:
    """Events before local midnight of the day ``months`` ago have been kept long enough.

    Whole days, so an event is kept at least ``months`` calendar months and at most a day more.
    """
    first_kept_day = months_before(timezone.localdate(now), months)
    return timezone.make_aware(datetime.combine(first_kept_day, time.min))
