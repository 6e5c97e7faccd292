"""Targets: the literal quantitative commitments of an item ("每月召开1次", "达到95%以上").

A target is the clause stating a quantity, trimmed to start at its cadence (每…) or after its
subject, connectives and leading time words, and to stop before "的要求". Numbers in quotes
are slogans ("1367"工作机制), Chinese numerals count only after a cadence (每季度…一次), and
years, anniversaries, time limits and thresholds ("3人以上的单位要…") are not targets.
"""

import re

from .deadlines import DASH, DEADLINE
from .owners import NAME
from .spans import clauses, mask

UNIT = (
    r"(?:%|％|万元|亿元|千元|元|万人|人次|人|次|名|个|家|所|户|场|期|项|篇|天|小时|学时|课时|分钟|"
    r"字|公里|亩|吨|件|条|批|座|处|支|套|台|辆|间|平方米|万|岁|轮|批次|本|册|份|部)"
)
QUANTITY = re.compile(
    rf"(?<![\d第\-.])(?:\d+(?:\.\d+)?(?:{DASH}\d+(?:\.\d+)?)?|[×Ｘ]+){UNIT}(?![\d\-])"
)
DURATION_UNIT = re.compile(r"(?:小时|天|分钟|个?(?:工作日|月|周))")
BOUNDED = re.compile(r"(?:不少于|不低于|不超过|不多于|至少|超过|达到|控制在|累计)$")
CADENCE_COUNT = re.compile(
    r"每[^，。；]*?(?<!第)[一两二三四五六七八九十]+(?:次|个|名|场|期|篇|项|轮)"
)
TARGET_LEAD = re.compile(
    rf"^(?:(?:{NAME})(?:要|必须|应当|应|(?=全年|年内|今年))|要|并且|并|同时|确保|力争|争取|实现|努力"
    rf"|(?:为|在|于|到){{1,2}}(?=\d|年|今年)|{DEADLINE.pattern})+"
)
TAIL = re.compile(r"的(?:要求|目标|标准|任务)")
# "党员人数3人以上的机关单位要…": a threshold picking who must act, not a target.
CONDITION = re.compile(
    rf"{QUANTITY.pattern}(?:及以上|以上|以下|以内)?的(?:{NAME})?(?:要(?![求点])|必须|应当|应|须)"
)


def is_time_limit(clause: str, found: re.Match[str]) -> bool:
    """"24小时值班", "15个工作日内": a duration that is no quantity to reach."""
    unit = clause[found.start() :]
    number = re.match(r"[\d.×Ｘ]+", unit)
    rest = unit[number.end() if number else 0 :]
    return bool(DURATION_UNIT.match(rest)) and not BOUNDED.search(clause[: found.start()])


def quantity_start(clause: str) -> int | None:
    """Where the clause's first quantity begins, if it states one."""
    positions = [m.start() for m in QUANTITY.finditer(clause) if not is_time_limit(clause, m)]
    positions += [m.start() for m in CADENCE_COUNT.finditer(clause)]
    return min(positions) if positions else None


def target_of(clause: str, masked: str) -> str | None:
    first = quantity_start(masked)
    if first is None or CONDITION.search(masked):
        return None
    cadence = masked.find("每", 0, first + 1)
    if cadence >= 0:
        start = cadence
    else:
        lead = TARGET_LEAD.match(masked)
        start = lead.end() if lead else 0
    end = len(clause)
    tail = TAIL.search(masked, first)
    if tail:
        end = tail.start()
    span = clause[start:end].strip()
    if span.endswith(("）", ")")) and not re.search(r"[（(]", span):
        span = span[:-1]
    return span or None


def extract_targets(text: str) -> tuple[str, ...]:
    """Each clause stating a quantity, trimmed to the quantitative phrase."""
    masked = mask(text, ("《》", "“”", "\"\""))
    targets: list[str] = []
    for offset, clause in clauses(masked):
        original = text[offset : offset + len(clause)]
        target = target_of(original, clause)
        if target and target not in targets:
            targets.append(target)
    return tuple(targets)
