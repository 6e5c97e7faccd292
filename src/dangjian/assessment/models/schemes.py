"""考核方案 and its 指标 (a two-level tree: 一级 dimension, 二级 item)."""

from decimal import Decimal
from typing import Any, TypedDict

from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization


class TargetKind(models.TextChoices):
    """考核对象: who a scheme ranks."""

    DEPARTMENT = "部门党组（党委）", "部门党组（党委）"
    TOWNSHIP = "乡镇党委", "乡镇党委"
    VILLAGE = "村党组织", "村党组织"
    LEADER = "班子成员", "班子成员"
    SECRETARY = "党组织书记", "党组织书记"


class GradeBand(TypedDict):
    grade: str
    min: str  # a decimal as text: JSON keeps it exact


# 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60, 差 < 60: recalled from county 考核办法, not confirmed against a
# source (待核实); every scheme keeps its own bands, editable before publication.
DEFAULT_GRADE_BANDS: list[GradeBand] = [
    {"grade": "好", "min": "90"}, {"grade": "较好", "min": "80"},
    {"grade": "一般", "min": "60"}, {"grade": "差", "min": "0"},
]


def default_grade_bands() -> list[GradeBand]:
    return [dict(band) for band in DEFAULT_GRADE_BANDS]  # type: ignore[misc]


class Scheme(Recorded):
    """考核方案: one year's indicators for one kind of target under one organisation."""

    class Status(models.TextChoices):
        DRAFT = "草稿", "草稿"
        PUBLISHED = "已发布", "已发布"
        SCORING = "评分中", "评分中"
        PENDING = "待审定", "待审定"
        RELEASED = "已公布", "已公布"

    year = models.PositiveIntegerField("年度")
    name = models.CharField("方案名称", max_length=120)
    target_kind = models.CharField("考核对象", max_length=20, choices=TargetKind.choices)
    # whose subtree is assessed: the targets are the units of that kind under it
    organization = models.ForeignKey(Organization, verbose_name="考核范围",
                                     on_delete=models.PROTECT, related_name="assessment_schemes")
    total_points = models.DecimalField("总分", max_digits=6, decimal_places=2,
                                       default=Decimal("100"))
    grade_bands = models.JSONField("等次划分", default=default_grade_bands)
    grade_bands_unconfirmed = models.BooleanField("等次划分待核实", default=True)
    basis = models.CharField("依据（考核办法）", max_length=200, blank=True)
    document_number = models.CharField("文号", max_length=60, blank=True)
    appeal_days = models.PositiveSmallIntegerField("复核申请期限（工作日）", default=5)
    # grades that send an accountability proposal to the inspectors (default: 差)
    accountability_grades = models.JSONField("提出问责建议的等次", default=list)
    status = models.CharField("状态", max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    published_at = models.DateTimeField("发布时间", null=True, blank=True)
    approved_by_assessor = models.ForeignKey(
        "access.User", verbose_name="考核管理员审核", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+")
    approved_by_leader = models.ForeignKey(
        "access.User", verbose_name="县领导审定", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+")
    released_at = models.DateTimeField("公布时间", null=True, blank=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "考核方案"
        verbose_name_plural = "考核方案"
        ordering = ["-year", "id"]

    def __str__(self) -> str:
        return f"{self.year}年{self.name}"


class Method(models.TextChoices):
    """计分方式."""

    AUTO = "AUTO", "系统计算"
    MANUAL = "MANUAL", "人工评分"
    DEDUCTION = "DEDUCTION", "扣分"
    BONUS = "BONUS", "加分"
    EVALUATION = "EVALUATION", "民主测评"


class ScoringPeriod(models.TextChoices):
    MONTH = "月", "月"
    QUARTER = "季", "季"
    YEAR = "年", "年"


class Indicator(models.Model):
    """考核指标: 一级 (no parent, its points the sum of its items) or 二级 (scored)."""

    scheme = models.ForeignKey(Scheme, verbose_name="考核方案", on_delete=models.CASCADE,
                               related_name="indicators")
    parent = models.ForeignKey("self", verbose_name="一级指标", null=True, blank=True,
                               on_delete=models.CASCADE, related_name="children")
    code = models.CharField("编号", max_length=20)
    name = models.CharField("指标名称", max_length=200)
    max_points = models.DecimalField("分值", max_digits=6, decimal_places=2)
    method = models.CharField("计分方式", max_length=10, choices=Method.choices,
                              default=Method.MANUAL)
    scoring_department = models.ForeignKey(
        Organization, verbose_name="评分部门", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+")
    period = models.CharField("考核周期", max_length=2, choices=ScoringPeriod.choices,
                              default=ScoringPeriod.YEAR)
    citation = models.CharField("依据", max_length=300, blank=True)
    # AUTO and DEDUCTION: the provider's key (providers.REGISTRY) and its parameters
    # (target, points per unit, cap; EVALUATION: the weights of the four counts)
    provider = models.CharField("数据来源", max_length=60, blank=True)
    params: Any = models.JSONField("参数", default=dict, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    # an indicator is in scope with its scheme (ids in request bodies resolve through it)
    scope_fields = ScopeFields(path="scheme__organization__path",
                               organization="scheme__organization")

    class Meta:
        verbose_name = "考核指标"
        verbose_name_plural = "考核指标"
        ordering = ["scheme", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"],
                                    name="assessment_indicator_code_once"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
