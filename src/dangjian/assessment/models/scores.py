"""得分, 复核 (appeals) and the frozen 考核结果."""

from typing import Any

from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .schemes import Indicator, Scheme


class Score(Recorded):
    """One indicator × target × period. AUTO/DEDUCTION rows are recomputed daily while the
    period is open and frozen at its end; ``basis`` keeps the records a score came from."""

    class Source(models.TextChoices):
        COMPUTED = "系统计算", "系统计算"
        ENTERED = "人工录入", "人工录入"
        ADJUSTED = "复核调整", "复核调整"

    indicator = models.ForeignKey(Indicator, verbose_name="指标", on_delete=models.PROTECT,
                                  related_name="scores")
    organization = models.ForeignKey(Organization, verbose_name="考核对象（单位）",
                                     on_delete=models.PROTECT, related_name="+")
    # 班子成员 / 党组织书记 schemes score a person (of the unit above)
    person = models.ForeignKey(Person, verbose_name="考核对象（个人）", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    period = models.CharField("周期", max_length=10)  # "2026", "2026-Q3", "2026-07"
    points = models.DecimalField("得分", max_digits=6, decimal_places=2)
    raw_value: Any = models.JSONField("原始数据", null=True, blank=True)
    basis: Any = models.JSONField("依据记录", default=list, blank=True)  # [{"model","id"}]
    basis_text = models.TextField("评分说明", blank=True)
    source = models.CharField("来源", max_length=10, choices=Source.choices,
                              default=Source.COMPUTED)
    frozen = models.BooleanField("已锁定", default=False)
    computed_at = models.DateTimeField("计算时间", null=True, blank=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               person="person")

    class Meta:
        verbose_name = "考核得分"
        verbose_name_plural = "考核得分"
        ordering = ["indicator__order", "indicator__code", "organization_id"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "organization", "period"],
                                    condition=models.Q(person__isnull=True),
                                    name="assessment_score_once_per_unit"),
            models.UniqueConstraint(fields=["indicator", "organization", "person", "period"],
                                    condition=models.Q(person__isnull=False),
                                    name="assessment_score_once_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.organization} {self.period}: {self.points}"


class Appeal(Recorded):
    """复核: a unit asks for a score to be looked at again, within the window after the period."""

    class Status(models.TextChoices):
        RAISED = "提出", "已提出"
        ACCEPTED = "受理", "已受理"
        UPHELD = "维持", "维持原分"
        ADJUSTED = "调整", "调整得分"

    score = models.ForeignKey(Score, verbose_name="得分", on_delete=models.PROTECT,
                              related_name="appeals")
    reason = models.TextField("复核理由")
    status = models.CharField("状态", max_length=4, choices=Status.choices,
                              default=Status.RAISED)
    raised_by = models.ForeignKey("access.User", verbose_name="申请人",
                                  on_delete=models.PROTECT, related_name="+")
    handled_by = models.ForeignKey("access.User", verbose_name="办理人", null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")
    points_before = models.DecimalField("原得分", max_digits=6, decimal_places=2)
    points_after = models.DecimalField("复核后得分", max_digits=6, decimal_places=2,
                                       null=True, blank=True)
    answer = models.TextField("复核意见", blank=True)
    decided_at = models.DateTimeField("办结时间", null=True, blank=True)

    scope_fields = ScopeFields(path="score__organization__path",
                               organization="score__organization")

    class Meta:
        verbose_name = "考核复核"
        verbose_name_plural = "考核复核"
        ordering = ["-id"]
        constraints = [
            # one appeal per score: a second one is refused (the service says why)
            models.UniqueConstraint(fields=["score"], name="assessment_appeal_once"),
        ]

    def __str__(self) -> str:
        return f"复核：{self.score}"


class Result(models.Model):
    """考核结果: frozen at approval (figures never drift after publication)."""

    scheme = models.ForeignKey(Scheme, verbose_name="考核方案", on_delete=models.PROTECT,
                               related_name="results")
    organization = models.ForeignKey(Organization, verbose_name="考核对象（单位）",
                                     on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, verbose_name="考核对象（个人）", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    total = models.DecimalField("总分", max_digits=6, decimal_places=2)
    rank = models.PositiveIntegerField("名次")
    grade = models.CharField("等次", max_length=10)
    breakdown: Any = models.JSONField("分项得分", default=dict)  # indicator code → points

    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               person="person")

    class Meta:
        verbose_name = "考核结果"
        verbose_name_plural = "考核结果"
        ordering = ["scheme", "rank", "id"]

    def __str__(self) -> str:
        return f"{self.scheme} {self.organization} 第{self.rank}名 {self.grade}"
