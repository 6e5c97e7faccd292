"""村集体经济 rules as data, each with its source (``core.citations.Rule``).

The income categories follow the village accounting system in force in the year reported; the
operating-income definition and the 空壳村 line are the county's choice (settings), as counties
define them differently.
"""

from dataclasses import dataclass

from django.conf import settings

from dangjian.core.citations import Rule, Status

OLD_CATEGORIES = ("经营收入", "发包及上交收入", "投资收益", "补助收入", "其他收入")
NEW_CATEGORIES = ("经营收入", "投资收益", "补助收入", "其他收入")


@dataclass(frozen=True)
class AccountingSystem:
    first_year: int
    last_year: int | None  # None: still in force
    categories: tuple[str, ...]
    rule: Rule


ACCOUNTING_SYSTEMS = (
    AccountingSystem(2005, 2023, OLD_CATEGORIES, Rule(
        "收入分为经营收入、发包及上交收入、投资收益、补助收入和其他收入",
        "《村集体经济组织会计制度》（财会〔2004〕12号）", Status.CONFIRMED_2ND,
        note="in force from 2005-01-01; categories as in its 收益分配表")),
    AccountingSystem(2024, None, NEW_CATEGORIES, Rule(
        "自2024年1月1日起施行的新制度不再单列发包及上交收入，并入经营收入或投资收益",
        "《农村集体经济组织会计制度》（财会〔2023〕14号）", Status.UNCERTAIN,
        note="document number and the exact list of income accounts quoted from memory; "
             "check the 收益及收益分配表 of the 2023 system")),
)

OPERATING_DEFINITION = Rule(
    "经营性收入 = 经营收入 + 发包及上交收入 + 投资收益（不含补助收入、其他收入）；本县可配置",
    "农业农村部门村集体经济统计口径", Status.UNCERTAIN,
    note="definitions differ between provinces; settings.DANGJIAN_VILLAGE_OPERATING_CATEGORIES")

SHELL_RULE = Rule(
    "空壳村：当年经营性收入不高于本县确定的线（默认0万元）；本县可配置",
    "各地消除集体经济“空壳村”工作方案", Status.UNCERTAIN,
    note="some counties use < 5 万元 or total income; Target.shell_line")

TARGET_RULE = Rule(
    "消除集体经济“空壳村”，确保实现“清零递增”目标，40%村年集体经济收入达到×万元以上",
    "县委党建工作要点（三.三）", Status.CONFIRMED, note="seed 004, 三.三")

DEFAULT_OPERATING = ("经营收入", "发包及上交收入", "投资收益")
# Anomaly flags (提示核实, not errors): the county may set them (settings).
DEFAULT_SUBSIDY_SHARE = 60  # 补助收入 above this % of the total
DEFAULT_JUMP_RATIO = 3  # the total more than this many times last year's


def anomaly_limits() -> tuple[int, int]:
    return (getattr(settings, "DANGJIAN_VILLAGE_SUBSIDY_SHARE", DEFAULT_SUBSIDY_SHARE),
            getattr(settings, "DANGJIAN_VILLAGE_JUMP_RATIO", DEFAULT_JUMP_RATIO))


def accounting_system(year: int) -> AccountingSystem | None:
    for system in ACCOUNTING_SYSTEMS:
        if system.first_year <= year and (system.last_year is None or year <= system.last_year):
            return system
    return None


def operating_categories() -> tuple[str, ...]:
    """The categories counted as operating income (the county's definition)."""
    return tuple(getattr(settings, "DANGJIAN_VILLAGE_OPERATING_CATEGORIES", DEFAULT_OPERATING))


# 统一社会信用代码 (GB 32100-2015): 18 characters of this set, the last a check character.
CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_error(code: str) -> str:
    """Why ``code`` is no valid 统一社会信用代码 (empty when it is one)."""
    if len(code) != 18:
        return "统一社会信用代码应为18位"
    if any(c not in CREDIT_CHARS for c in code):
        return "统一社会信用代码只能由数字和大写字母（不含I、O、Z、S、V）组成"
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(code, CREDIT_WEIGHTS, strict=False))
    if CREDIT_CHARS[(31 - total % 31) % 31] != code[17]:
        return "统一社会信用代码校验位不正确，请核对"
    return ""
