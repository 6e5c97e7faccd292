from django.conf import settings
from django.db import models

from dangjian.core.scope_fields import ScopeFields


class RecheckResult(models.TextChoices):
    HELD = "巩固", "巩固"
    RELAPSED = "反弹", "反弹"


class Recheck(models.Model):
    """回头看: a closed finding checked again on its ``recheck_on`` day, once. A relapse
    (反弹) opens a new finding marked 屡查屡犯 (``repeat_of`` the closed one)."""

    finding = models.OneToOneField("oversight.Finding", verbose_name="问题",
                                   on_delete=models.PROTECT, related_name="recheck")
    checked_on = models.DateField("回头看日期")
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="检查人",
                                   on_delete=models.PROTECT, related_name="+")
    result = models.CharField("结果", max_length=4, choices=RecheckResult.choices)
    note = models.TextField("情况说明", blank=True)
    relapse = models.OneToOneField("oversight.Finding", verbose_name="反弹问题", null=True,
                                   blank=True, on_delete=models.PROTECT,
                                   related_name="relapse_of")
    created_at = models.DateTimeField("记录时间", auto_now_add=True)

    scope_fields = ScopeFields(path="finding__organization__path",
                               organization="finding__organization")

    class Meta:
        verbose_name = "回头看"
        verbose_name_plural = "回头看"
        ordering = ["-checked_on", "-id"]

    def __str__(self) -> str:
        return f"回头看（{self.result}）：{self.finding}"
