"""Regulations the oversight loop encodes (shared/domain/rules.md §4, §5), with citations,
and the local settings a county may change."""

from dataclasses import dataclass

from dangjian.core.citations import Rule, Status

ACCOUNTABILITY_RULES = "《中国共产党问责条例》"

ORG_FORMS_RULE = Rule(
    text="对党组织的问责方式：检查、通报、改组",
    citation=f"{ACCOUNTABILITY_RULES}（2019）第八条",
    status=Status.CONFIRMED_2ND,
)
CADRE_FORMS_RULE = Rule(
    text="对党员领导干部的问责方式：通报、诫勉、组织调整或者组织处理、纪律处分",
    citation=f"{ACCOUNTABILITY_RULES}（2019）第八条",
    status=Status.CONFIRMED_2ND,
)
ONE_MONTH_RULE = Rule(
    text="组织调整或者组织处理的，应当在问责决定作出后一个月内完成相关手续",
    citation=f"{ACCOUNTABILITY_RULES}（2016）第九条；2019年修订保留“1个月”",
    status=Status.CONFIRMED,
)
FOUR_FORMS_RULE = Rule(
    text="监督执纪“四种形态”",
    citation="《中国共产党党内监督条例》第七条；《中国共产党纪律处分条例》第五条",
    status=Status.CONFIRMED_2ND,
)
CLOSURE_RULE = Rule(
    text="问题的全部整改措施经核查销号后，问题方可销号",
    citation="监督整改闭环管理（本县制度，本县可配置）",
    status=Status.UNCERTAIN,
)


@dataclass(frozen=True)
class LocalSettings:
    """Local practice, not national rules: each value is a county's own choice (UNCERTAIN)."""

    yellow_working_days: int = 3  # 临期预警：截止前N个工作日亮黄灯
    accountability_after_working_days: int = 10  # 逾期N个工作日后提出问责建议
    repeat_window_months: int = 24  # 屡查屡犯：同一单位同类问题N个月内再次发生
    recheck_after_months: int = 3  # 销号后N个月“回头看”
    evidence_max_bytes: int = 20 * 1024 * 1024
    evidence_types: tuple[str, ...] = ("pdf", "jpg", "png", "docx", "xlsx", "ofd")


def local_settings() -> LocalSettings:
    """The county's settings: ``DANGJIAN_OVERSIGHT`` (a dict) overrides the defaults."""
    from django.conf import settings

    return LocalSettings(**getattr(settings, "DANGJIAN_OVERSIGHT", {}))


INSPECTION_RULE = Rule(
    text="加强对分管战线部门单位执行党章、党内政治生活准则和落实民主集中制等情况的督导检查",
    citation="县政府党组党建工作会议讲话（seeds/004）一、二；《关于新形势下党内政治生活的若干准则》",
    status=Status.CONFIRMED,
)
CAMPAIGN_RULE = Rule(
    text="持续加大对党内政治生活不规范不严肃不经常等问题的专项整治力度",
    citation="县政府党组党建工作会议讲话（seeds/004）一、二",
    status=Status.CONFIRMED,
)
ONE_POST_TWO_DUTIES_RULE = Rule(
    text="领导干部“一岗双责”：对分管部门单位的问题约谈提醒、批评教育，提出组织处理、纪律处分建议",
    citation="《党委（党组）落实全面从严治党主体责任规定》第十三条；《中国共产党问责条例》第八条",
    status=Status.CONFIRMED_2ND,
)
