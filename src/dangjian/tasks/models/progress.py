from django.conf import settings
from django.db import models

from dangjian.core.files.models import StoredFile


class ProgressReport(models.Model):
    """A unit's report on a task for one reporting period (``2026-11``, ``2026-Q4``)."""

    task = models.ForeignKey("tasks.Task", on_delete=models.CASCADE, related_name="reports")
    period = models.CharField("报送期", max_length=7)
    text = models.TextField("进展情况")
    percent = models.PositiveSmallIntegerField("完成进度（%）", null=True, blank=True)
    milestone = models.ForeignKey("tasks.Milestone", verbose_name="完成节点", null=True,
                                  blank=True, on_delete=models.SET_NULL, related_name="+")
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="报送人",
                                    on_delete=models.PROTECT, related_name="+")
    reported_on = models.DateField("报送日期")
    created_at = models.DateTimeField("报送时间", auto_now_add=True)

    class Meta:
        verbose_name = "进展报送"
        verbose_name_plural = "进展报送"
        ordering = ["-reported_on", "-id"]
        indexes = [models.Index(fields=["task", "period"])]

    def __str__(self) -> str:
        return f"{self.period} {self.text[:30]}"


class ProgressEvidence(StoredFile):
    """A file attached to a report, with its SHA-256 so a later read can prove it unchanged."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("文件", upload_to="tasks/%Y/%m/")

    class Meta:
        verbose_name = "进展佐证"
        verbose_name_plural = "进展佐证"


class Review(models.Model):
    """The assigning side's decision on a request to close a task (办结确认)."""

    class Decision(models.TextChoices):
        ACCEPT = "accept", "同意办结"
        RETURN = "return", "退回"

    task = models.ForeignKey("tasks.Task", on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField("审核结论", max_length=10, choices=Decision.choices)
    comment = models.TextField("审核意见", blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                 related_name="+")
    created_at = models.DateTimeField("审核时间", auto_now_add=True)

    class Meta:
        verbose_name = "办结审核"
        verbose_name_plural = "办结审核"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.task} {self.get_decision_display()}"
