"""How long the audit log is kept, as data with its sources (shared/domain/rules.md §8)."""

from dangjian.calendar.rules import CORRESPONDING_DAY
from dangjian.core.citations import Rule, Status

MINIMUM_RETENTION_MONTHS = 6
DEFAULT_RETENTION_MONTHS = 6

LOG_RETENTION = Rule(
    text="监测、记录网络运行状态、网络安全事件的技术措施，留存相关的网络日志不少于六个月",
    citation="《中华人民共和国网络安全法》（2016）第二十一条（三）",
    status=Status.CONFIRMED_2ND,
    note="2025年修正后据称为第二十三条（三），条号待核实",
)
# "六个月" are calendar months (181–184 days), counted to the corresponding day.
RETENTION_RULES = (LOG_RETENTION, CORRESPONDING_DAY)
