"""Rules the assessment (党建考核) encodes, with their source (shared/domain/sketches.md), and
the local settings a county may change."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from dangjian.core.citations import Rule, Status

BURDEN_RULES = "《整治形式主义为基层减负若干规定》"

# 不得将开会发文、拍照留痕、学习笔记等作为评判工作的标准: an indicator never counts uploads,
# photos, notes or meetings held for their own sake.
NO_FORMALISM = Rule(
    text="不得将是否开会发文、拍照留痕、制作学习笔记等作为评判工作的标准",
    citation=f"{BURDEN_RULES}（中共中央办公厅、国务院办公厅，2024年）",
    status=Status.CONFIRMED_2ND,
    note="quoted from press reports of the text (udn.com, mingpao 2025-08-07); full text at "
         "66laws.com/fagui/22359.html",
)

# 数据报送“最多报一次”; the assessment never asks a unit to type a figure the platform holds.
REPORT_ONCE = Rule(
    text="不得频繁要求基层填表格报材料，数据报送“最多报一次”：平台已有的数据不得再要求人工填报",
    citation=f"{BURDEN_RULES}（中共中央办公厅、国务院办公厅，2024年）",
    status=Status.CONFIRMED_2ND,
    note="same sources as NO_FORMALISM",
)

# The county's 考核办法: grade bands, the appeal window and the 民主测评 weights are its choice.
APPEAL_WINDOW = Rule(
    text="对考核得分有异议的，可在考核周期结束后规定的工作日内申请复核",
    citation="本县党建工作考核办法（本县可配置）",
    status=Status.UNCERTAIN,
    note="default 5 working days recalled from county practice",
)

EVALUATION_COUNTS = ("满意", "比较满意", "基本满意", "不满意")


@dataclass(frozen=True)
class LocalSettings:
    """Local practice (UNCERTAIN): each value is the county's own choice."""

    appeal_days: int = 5  # 复核申请期限：周期结束后N个工作日
    evaluation_weights: dict[str, Decimal] = field(default_factory=lambda: {
        "满意": Decimal("1"), "比较满意": Decimal("0.8"), "基本满意": Decimal("0.6"),
        "不满意": Decimal("0"),
    })
    # 被问责情况: points per case by 问责方式 (the heavier the form, the more it weighs)
    accountability_weights: dict[str, Decimal] = field(default_factory=lambda: {
        "检查": Decimal("1"), "通报": Decimal("2"), "诫勉": Decimal("2"),
        "组织调整或者组织处理": Decimal("3"), "改组": Decimal("5"), "纪律处分": Decimal("5"),
    })


def local_settings() -> LocalSettings:
    """The county's settings: ``DANGJIAN_ASSESSMENT`` (a dict) overrides the defaults."""
    return LocalSettings(**getattr(settings, "DANGJIAN_ASSESSMENT", {}))
