"""The counting rules behind every deadline, kept as data with their sources.

Each ``Rule`` carries its citation and how sure we are of it (see shared/domain/rules.md
§10), so a deadline can say which rules produced it and a reviewer can check them one by one.
"""

from dangjian.core.citations import Rule, Status

CIVIL_CODE = "《中华人民共和国民法典》"
# 4th revision: State Council decision of 2024-11-10, in force 2025-01-01.
HOLIDAY_MEASURES = "《全国年节及纪念日放假办法》（2024年修订）"

START_DAY_EXCLUDED = Rule(
    text="开始的当日不计入，自下一日开始计算",
    citation=f"{CIVIL_CODE}第二百零一条",
    status=Status.CONFIRMED_2ND,
)
CORRESPONDING_DAY = Rule(
    text="按月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日",
    citation=f"{CIVIL_CODE}第二百零二条",
    status=Status.CONFIRMED_2ND,
)
# Weekends count as 法定休假日 here, the usual reading: the period ends on the next working day.
HOLIDAY_EXTENSION = Rule(
    text="期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日",
    citation=f"{CIVIL_CODE}第二百零三条",
    status=Status.CONFIRMED_2ND,
)
# Days off per holiday (全体公民放假的节日): 13 in all.
PUBLIC_HOLIDAY_DAYS = {
    "元旦": 1,
    "春节": 4,  # 农历除夕、正月初一至初三
    "清明节": 1,
    "劳动节": 2,
    "端午节": 1,
    "中秋节": 1,
    "国庆节": 3,
}
PUBLIC_HOLIDAYS = Rule(
    text=f"全体公民放假的节日共{sum(PUBLIC_HOLIDAY_DAYS.values())}天",
    citation=f"{HOLIDAY_MEASURES}第二条",
    status=Status.CONFIRMED,
)
# 调休: the yearly notice turns some weekends into working days (补班) and some weekdays into
# rest days; the package data and HolidayOverride rows carry it.
WORKING_DAYS_ONLY = Rule(
    text="只计法定工作日：周一至周五中不放假的日子，加上调休上班（补班）的周六、周日",
    citation=f"{HOLIDAY_MEASURES}第七条；国务院办公厅当年部分节假日安排的通知",
    status=Status.CONFIRMED_2ND,
)
CIVIL_CODE_BY_ANALOGY = Rule(
    text="党内法规一般未规定期间如何计算，党内期限类推适用民法典的期间计算规则",
    citation=f"类推适用{CIVIL_CODE}第二百零一条至第二百零三条（党内法规无明文规定）",
    status=Status.UNCERTAIN, note="惯例，待核实",
)
MONDAY_TO_FRIDAY_FALLBACK = Rule(
    text="当年放假安排尚无数据时，暂按周一至周五为工作日推算，结果标为“暂定”，录入通知后自动更正",
    citation="本系统约定：无当年放假安排时暂按周一至周五推算，结果为暂定",
    status=Status.UNCERTAIN, note="待核实",
)

WORKING_DAY_RULES = (START_DAY_EXCLUDED, PUBLIC_HOLIDAYS, WORKING_DAYS_ONLY, CIVIL_CODE_BY_ANALOGY)
MONTH_RULES = (
    START_DAY_EXCLUDED, CORRESPONDING_DAY, HOLIDAY_EXTENSION, PUBLIC_HOLIDAYS, CIVIL_CODE_BY_ANALOGY
)


def cite_all(rules: tuple[Rule, ...]) -> str:
    """The citations of several rules as one line, for ``Deadline.rule``."""
    return "；".join(rule.citation for rule in rules)
