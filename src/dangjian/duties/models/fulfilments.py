from django.conf import settings
from django.db import models

from dangjian.core.files.models import StoredFile
from dangjian.core.scope_fields import ScopeFields


class Fulfilment(models.Model):
    """履责记实: what was done against an item, when, by whose record, with its files."""

    item = models.ForeignKey("duties.ResponsibilityItem", verbose_name="责任事项",
                             on_delete=models.PROTECT, related_name="fulfilments")
    done_on = models.DateField("履责日期")
    description = models.TextField("履责情况")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="记录人",
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("记录时间", auto_now_add=True)

    scope_fields = ScopeFields(path="item__list__organization__path",
                               organization="item__list__organization",
                               addressee="item__list__person")

    class Meta:
        verbose_name = "履责记实"
        verbose_name_plural = "履责记实"
        ordering = ["-done_on", "-id"]

    def __str__(self) -> str:
        return f"{self.done_on:%Y-%m-%d} {self.description[:30]}"


class FulfilmentEvidence(StoredFile):
    fulfilment = models.ForeignKey(Fulfilment, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("文件", upload_to="duties/%Y/%m/")

    class Meta:
        verbose_name = "履责佐证"
        verbose_name_plural = "履责佐证"
