from django.conf import settings
from django.db import models

from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization


class Reminder(models.Model):
    """One 督办 step taken for a task; the unique key makes the daily job idempotent.

    ``key`` names what the step was about (the due date, the reporting period), so a moved
    deadline or a new month earns a new reminder while a re-run earns none.
    """

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "临期提醒"
        OVERDUE = "overdue", "逾期督办"
        REPORT_DUE = "report_due", "报送提醒"
        REPORT_LATE = "report_late", "未按期报送"
        ACCOUNTABILITY = "accountability", "逾期提出问责建议"

    task = models.ForeignKey("tasks.Task", on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    key = models.CharField("期次", max_length=20)
    taken_on = models.DateField("日期")

    class Meta:
        verbose_name = "督办提醒"
        verbose_name_plural = "督办提醒"
        constraints = [
            models.UniqueConstraint(fields=["task", "kind", "key"], name="one_reminder_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.task} {self.get_kind_display()} {self.key}"


class Bulletin(models.Model):
    """督查通报: the figures and text frozen when issued, so the document never drifts."""

    organization = models.ForeignKey(Organization, verbose_name="通报范围",
                                     on_delete=models.PROTECT, related_name="bulletins")
    plan = models.ForeignKey("tasks.Plan", verbose_name="工作部署", null=True, blank=True,
                             on_delete=models.PROTECT, related_name="bulletins")
    year = models.PositiveSmallIntegerField("年度")
    sequence = models.PositiveIntegerField("序号")
    title = models.CharField("标题", max_length=200)
    body = models.JSONField("正文段落", default=list)
    figures = models.JSONField("统计数据", default=dict)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="签发人",
                                  on_delete=models.PROTECT, related_name="+")
    issued_on = models.DateField("签发日期")

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "督查通报"
        verbose_name_plural = "督查通报"
        ordering = ["-year", "-sequence"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="unique_bulletin_number"),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def number(self) -> str:
        """发文字号, e.g. 示督通〔2026〕2号, numbered per year."""
        from ..rules import local_settings

        return f"{local_settings().bulletin_prefix}〔{self.year}〕{self.sequence}号"
