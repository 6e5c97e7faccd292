from django.conf import settings
from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class TermKind(models.TextChoices):
    SOURCE = "source", "问题来源"
    CATEGORY = "category", "问题类别"
    SEVERITY = "severity", "严重程度"
    RISK_AREA = "risk_area", "风险领域"


class Term(models.Model):
    """An entry of a configurable list (来源、类别、严重程度、风险领域), exchanged by its name."""

    kind = models.CharField("列表", max_length=20, choices=TermKind.choices)
    name = models.CharField("名称", max_length=40)
    order = models.PositiveSmallIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "可配置选项"
        verbose_name_plural = "可配置选项"
        ordering = ["kind", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="unique_term")]

    def __str__(self) -> str:
        return self.name


class FindingStatus(models.TextChoices):
    OPEN = "待整改", "待整改"
    RECTIFYING = "整改中", "整改中"
    AWAITING_CHECK = "待核查", "待核查"
    CLOSED = "已销号", "已销号"
    WITHDRAWN = "已撤销", "已撤销"  # registered in error, withdrawn with a reason


class Finding(Recorded):
    """A problem in the 问题台账, whatever its source."""

    organization = models.ForeignKey(Organization, verbose_name="问题单位",
                                     on_delete=models.PROTECT, related_name="findings")
    source = models.ForeignKey(Term, verbose_name="问题来源", on_delete=models.PROTECT,
                               related_name="+", limit_choices_to={"kind": TermKind.SOURCE})
    category = models.ForeignKey(Term, verbose_name="问题类别", on_delete=models.PROTECT,
                                 related_name="+", limit_choices_to={"kind": TermKind.CATEGORY})
    severity = models.ForeignKey(Term, verbose_name="严重程度", on_delete=models.PROTECT,
                                 related_name="+", limit_choices_to={"kind": TermKind.SEVERITY})
    description = models.TextField("问题描述")
    discovered_on = models.DateField("发现日期")
    regulation = models.CharField("违反的规定", max_length=200, blank=True)
    responsible_leader = models.ForeignKey(
        Person, verbose_name="分管领导", null=True, blank=True, on_delete=models.PROTECT,
        related_name="findings_in_charge",
    )
    status = models.CharField("状态", max_length=10, choices=FindingStatus.choices,
                              default=FindingStatus.OPEN)
    repeat_of = models.ForeignKey("self", verbose_name="屡查屡犯：前次问题", null=True,
                                  blank=True, on_delete=models.PROTECT, related_name="repeats")
    risk_point = models.ForeignKey("oversight.RiskPoint", verbose_name="对应廉政风险点",
                                   null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="findings")
    self_check = models.OneToOneField("oversight.SelfCheck", verbose_name="来自举一反三",
                                      null=True, blank=True, on_delete=models.PROTECT,
                                      related_name="finding")
    inspection = models.ForeignKey("oversight.Inspection", verbose_name="来自督导检查",
                                   null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="findings")
    campaign = models.ForeignKey("oversight.Campaign", verbose_name="专项整治", null=True,
                                 blank=True, on_delete=models.PROTECT, related_name="findings")
    closed_on = models.DateField("销号日期", null=True, blank=True)
    recheck_on = models.DateField("回头看日期", null=True, blank=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人",
                                  on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "问题"
        verbose_name_plural = "问题台账"
        ordering = ["-discovered_on", "-id"]
        indexes = [models.Index(fields=["organization", "category", "discovered_on"])]

    def __str__(self) -> str:
        return f"{self.organization}：{self.description[:30]}"
