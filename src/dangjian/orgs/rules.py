"""How early a record of an organisation can be dated, as data with its source.

A meeting, a finding or any other record of an organisation's work cannot predate the
organisation itself. Where its founding date is unknown (``founded_on`` null), the floor is
the founding year of the county's present organisations: a date of 1900 or 0001 is a typing
error, not history.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from dangjian.core.citations import Rule, Status

EARLIEST_RECORD_DATE = date(1949, 1, 1)

RECORDS_SINCE_1949 = Rule(
    text="本县现有党组织均建立于1949年及以后，其会议、问题等记录不能早于1949年",
    citation="本地约定：依县志所载本县解放及县级党组织建立的时间",
    status=Status.UNCERTAIN,
    note="待核实；解放较早的县可调整 EARLIEST_RECORD_DATE",
)
NOT_BEFORE_FOUNDING = Rule(
    text="组织的会议、问题等记录不能早于该组织的成立日期",
    citation="事实约束：组织成立之前不存在其活动",
    status=Status.CONFIRMED,
)


def check_not_before_founding(organization: Any, on: date, *, field: str, label: str) -> None:
    """Refuse (ValidationError on ``field``) a record of ``organization`` dated ``on`` before
    1949 or before the organisation's founding date, naming the rule broken."""
    if on < EARLIEST_RECORD_DATE:
        raise ValidationError({field: (
            f"{label}（{on:%Y年%m月%d日}）早于{EARLIEST_RECORD_DATE.year}年，不可能属实："
            f"{RECORDS_SINCE_1949.text}。依据：{RECORDS_SINCE_1949.citation}")})
    founded_on = getattr(organization, "founded_on", None)
    if founded_on is not None and on < founded_on:
        raise ValidationError({field: f"{label}早于该组织的成立日期（{founded_on:%Y年%m月%d日}）"})
