from django.conf import settings
from django.db import models

from dangjian.orgs.models import Organization


class ImportStatus(models.TextChoices):
    CHECKING = "校验中", "校验中"
    REFUSED = "有错误", "有错误"
    IMPORTED = "已导入", "已导入"


class ImportJob(models.Model):
    """An uploaded 任务分解表 checked a slice of rows at a time, so the page can show progress.

    Rows are checked first, all of them; only when no row is bad are the tasks written, in one
    transaction. ``rows`` holds the sheet as read; ``resolved`` the ids each good row maps to.
    """

    organization = models.ForeignKey(Organization, verbose_name="部署单位",
                                     on_delete=models.PROTECT, related_name="+")
    title = models.CharField("标题", max_length=200)
    year = models.PositiveSmallIntegerField("年度")
    source_name = models.CharField("文件名", max_length=200)
    rows = models.JSONField("表格行", default=list)
    resolved = models.JSONField("校验结果", default=list)
    errors = models.JSONField("错误", default=list)
    checked = models.PositiveIntegerField("已校验行数", default=0)
    status = models.CharField("状态", max_length=10, choices=ImportStatus.choices,
                              default=ImportStatus.CHECKING)
    plan = models.ForeignKey("tasks.Plan", verbose_name="导入结果", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                   related_name="+")
    created_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "任务分解表导入"
        verbose_name_plural = "任务分解表导入"
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.source_name

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def percent(self) -> int:
        return 100 if not self.rows else round(100 * self.checked / len(self.rows))
