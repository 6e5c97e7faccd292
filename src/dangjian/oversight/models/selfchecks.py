from django.db import models

from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization


class SelfCheck(models.Model):
    """举一反三: a peer unit checks itself for a problem found elsewhere."""

    class Answer(models.TextChoices):
        EXISTS = "存在", "存在"
        ABSENT = "不存在", "不存在"

    origin = models.ForeignKey("oversight.Finding", verbose_name="源问题",
                               on_delete=models.PROTECT, related_name="self_checks")
    organization = models.ForeignKey(Organization, verbose_name="自查单位",
                                     on_delete=models.PROTECT, related_name="self_checks")
    due_on = models.DateField("反馈期限")
    answer = models.CharField("自查结果", max_length=4, choices=Answer.choices, blank=True)
    answer_text = models.TextField("自查情况及措施", blank=True)
    answered_at = models.DateTimeField("反馈时间", null=True, blank=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "举一反三自查"
        verbose_name_plural = "举一反三自查"
        constraints = [models.UniqueConstraint(fields=["origin", "organization"],
                                               name="one_self_check_per_unit")]

    def __str__(self) -> str:
        return f"{self.organization} 自查：{self.origin}"
