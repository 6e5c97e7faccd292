"""村集体经济: each village's profile, its yearly collective income and the county's targets."""

from decimal import Decimal

from django.conf import settings
from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization

from .rules import operating_categories


class VillageKind(models.TextChoices):
    VILLAGE = "村", "村"
    COMMUNITY = "社区", "社区"


class Village(Recorded):
    """村情: one per 村/社区 organisation."""

    organization = models.OneToOneField(Organization, verbose_name="村/社区",
                                        on_delete=models.PROTECT, related_name="village")
    kind = models.CharField("类型", max_length=4, choices=VillageKind.choices)
    population = models.PositiveIntegerField("常住人口")
    households = models.PositiveIntegerField("户数")
    collective_name = models.CharField("集体经济组织名称", max_length=100)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "村情"
        verbose_name_plural = "村情"
        ordering = ["organization__path"]

    def __str__(self) -> str:
        return str(self.organization)


class IncomeStatus(models.TextChoices):
    DRAFT = "草稿", "草稿"
    REPORTED = "村已报", "村已报"
    RETURNED = "乡镇退回", "乡镇退回"
    VERIFIED = "乡镇审核通过", "乡镇审核通过"
    CONFIRMED = "县核定", "县核定"


# The income categories, by field; which of them a year may use is in rules.ACCOUNTING_SYSTEMS.
CATEGORY_FIELDS = {
    "经营收入": "operating",
    "发包及上交收入": "contracting",
    "投资收益": "investment",
    "补助收入": "subsidy",
    "其他收入": "other",
}


def amount_field(label: str) -> models.DecimalField:
    return models.DecimalField(label, max_digits=10, decimal_places=2, default=Decimal("0"))


class Income(Recorded):
    """村集体经济收入 of one village for one year, in 万元, through 村报 → 乡镇审核 → 县核定."""

    organization = models.ForeignKey(Organization, verbose_name="村/社区",
                                     on_delete=models.PROTECT, related_name="incomes")
    year = models.PositiveSmallIntegerField("年度")
    operating = amount_field("经营收入（万元）")
    contracting = amount_field("发包及上交收入（万元）")
    investment = amount_field("投资收益（万元）")
    subsidy = amount_field("补助收入（万元）")
    other = amount_field("其他收入（万元）")
    status = models.CharField("状态", max_length=10, choices=IncomeStatus.choices,
                              default=IncomeStatus.DRAFT)
    version = models.PositiveIntegerField("版本", default=1)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上报人", null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_at = models.DateTimeField("上报时间", null=True, blank=True)
    verified_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="乡镇审核人",
                                    null=True, blank=True, on_delete=models.PROTECT,
                                    related_name="+")
    verified_at = models.DateTimeField("乡镇审核时间", null=True, blank=True)
    comment = models.TextField("审核意见（退回理由）", blank=True)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="县核定人",
                                     null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    confirmed_at = models.DateTimeField("县核定时间", null=True, blank=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "村集体经济收入"
        verbose_name_plural = "村集体经济收入"
        ordering = ["-year", "organization__path"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"],
                                               name="village_income_once_a_year")]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}年集体经济收入"

    def amounts(self) -> dict[str, Decimal]:
        """Category (Chinese) → amount."""
        return {label: getattr(self, name) for label, name in CATEGORY_FIELDS.items()}

    @property
    def total(self) -> Decimal:
        return sum(self.amounts().values(), Decimal("0"))

    @property
    def operating_income(self) -> Decimal:
        """By the county's definition (``rules.operating_categories``, read each time)."""
        amounts = self.amounts()
        return sum((amounts[c] for c in operating_categories()), Decimal("0"))


class Measure(models.TextChoices):
    TOTAL = "total", "集体经济总收入"
    OPERATING = "operating", "经营性收入"


class Growth(models.TextChoices):
    EACH = "each", "每个村不低于上年"
    COUNTY = "county", "全县合计不低于上年"


class Target(Recorded):
    """The county's goal for a year: 清零 (no 空壳村) and 递增, with a share of villages at or
    above a threshold (seed 004 三.三: "40%村年集体经济收入达到×万元以上")."""

    organization = models.ForeignKey(Organization, verbose_name="县", on_delete=models.PROTECT,
                                     related_name="village_targets")
    year = models.PositiveSmallIntegerField("年度")
    measure = models.CharField("口径", max_length=10, choices=Measure.choices,
                               default=Measure.TOTAL)
    threshold = models.DecimalField("达标线（万元）", max_digits=10, decimal_places=2)
    target_share = models.DecimalField("目标比例（%）", max_digits=5, decimal_places=2,
                                       default=Decimal("40"))
    shell_line = models.DecimalField("空壳村线：经营性收入不高于（万元）", max_digits=10,
                                     decimal_places=2, default=Decimal("0"))
    growth = models.CharField("递增口径", max_length=10, choices=Growth.choices,
                              default=Growth.EACH)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "村集体经济目标"
        verbose_name_plural = "村集体经济目标"
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["organization", "year"],
                                               name="village_target_once_a_year")]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}年村集体经济目标"


# --- 创建 campaigns ---------------------------------------------------------------------------

class CampaignKind(models.TextChoices):
    FIVE_BANNERS = "五面红旗", "五面红旗"
    FOREST = "森林管护区", "森林管护区"
    OTHER = "其他", "其他"


FIVE_BANNER_DIMENSIONS = ("脱贫攻坚", "产业发展", "基层党建", "维护稳定", "美丽乡村")


class CreationCampaign(Recorded):
    """创建: a county campaign (五面红旗, 森林管护区, …) that villages take part in, per dimension.

    The 2024 减负规定 restrains 创建示范 activities: campaigns are kept few and light, an entry
    carries a short comment per step and optional evidence, and nothing here is scored on 留痕.
    """

    name = models.CharField("名称", max_length=100)
    kind = models.CharField("类型", max_length=10, choices=CampaignKind.choices)
    year = models.PositiveSmallIntegerField("年度")
    dimensions = models.JSONField("创建内容", default=list)
    organiser = models.ForeignKey(Organization, verbose_name="组织单位", on_delete=models.PROTECT,
                                  related_name="organised_campaigns")
    participants = models.ManyToManyField(Organization, verbose_name="参与村（社区）",
                                          related_name="creation_campaigns")
    basis = models.TextField("依据", blank=True)

    # Seen by the organiser's side and by every participating village's (the county sees all).
    scope_fields = ScopeFields(path="participants__path", organization="participants")

    class Meta:
        verbose_name = "创建活动"
        verbose_name_plural = "创建活动"
        ordering = ["-year", "pk"]

    def __str__(self) -> str:
        return f"{self.year}年{self.name}"


class EntryStage(models.TextChoices):
    DECLARED = "申报", "申报"
    SELF_EVALUATED = "自评", "自评"
    TOWNSHIP_CHECKED = "乡镇初验", "乡镇初验"
    COUNTY_ACCEPTED = "县验收", "县验收"
    NAMED = "命名", "命名"
    FAILED = "未通过", "未通过"


class CampaignEntry(Recorded):
    """One village × one dimension of a campaign:
    申报 → 自评 → 乡镇初验 → 县验收 → 命名 | 未通过."""

    campaign = models.ForeignKey(CreationCampaign, verbose_name="创建活动",
                                 on_delete=models.PROTECT, related_name="entries")
    organization = models.ForeignKey(Organization, verbose_name="村/社区",
                                     on_delete=models.PROTECT, related_name="campaign_entries")
    dimension = models.CharField("创建内容", max_length=20)
    stage = models.CharField("环节", max_length=10, choices=EntryStage.choices,
                             default=EntryStage.DECLARED)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "创建申报"
        verbose_name_plural = "创建申报"
        ordering = ["campaign", "organization__path", "dimension"]
        constraints = [models.UniqueConstraint(fields=["campaign", "organization", "dimension"],
                                               name="campaign_entry_once")]

    def __str__(self) -> str:
        return f"{self.organization}·{self.dimension}"


class CampaignStep(models.Model):
    """One step of an entry: who passed (or failed: ``passed`` false) it, when, and why."""

    entry = models.ForeignKey(CampaignEntry, on_delete=models.CASCADE, related_name="steps")
    stage = models.CharField("环节", max_length=10, choices=EntryStage.choices)
    passed = models.BooleanField("通过", default=True)
    on = models.DateField("日期")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="经办人",
                              on_delete=models.PROTECT, related_name="+")
    comment = models.TextField("意见", blank=True)

    class Meta:
        verbose_name = "创建环节"
        verbose_name_plural = "创建环节"
        ordering = ["entry", "pk"]

    def __str__(self) -> str:
        return f"{self.stage}{'' if self.passed else '（未通过）'}"
