"""The county's own template of responsibility items (责任清单模板), imported from a workbook.

A county starts from the built-in template (``duties.catalogue``), downloads it as the workbook
to fill, and imports its own version. Each import is a new version of the county's template and
becomes the active one; the lists already generated keep the items they were given, and the next
list is generated from the active version. Without any imported version the built-in one
applies.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization

from ..kinds import Holder, Period


class ResponsibilityTemplate(models.Model):
    """One imported version of a county's template; ``organization`` is the county (its root
    party committee, 县委), whose every list it generates."""

    organization = models.ForeignKey(Organization, verbose_name="适用范围",
                                     on_delete=models.PROTECT,
                                     related_name="responsibility_templates")
    version = models.PositiveIntegerField("版本")
    title = models.CharField("名称", max_length=200)
    source_name = models.CharField("文件名", max_length=200, blank=True)
    active = models.BooleanField("启用", default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="导入人",
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("导入时间", auto_now_add=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "责任清单模板"
        verbose_name_plural = "责任清单模板"
        ordering = ["organization__path", "-version"]
        constraints = [
            # Two imports racing for the same version: one wins, the other is refused whole.
            models.UniqueConstraint(fields=["organization", "version"],
                                    name="one_template_version"),
            models.UniqueConstraint(fields=["organization"], condition=Q(active=True),
                                    name="one_active_template"),
        ]

    def __str__(self) -> str:
        return f"{self.title}（第{self.version}版）"


class ResponsibilityTemplateItem(models.Model):
    """One row of an imported template: what ``ResponsibilityItem`` is copied from."""

    template = models.ForeignKey(ResponsibilityTemplate, on_delete=models.CASCADE,
                                 related_name="items")
    key = models.CharField("编号", max_length=40)
    holder = models.CharField("责任主体", max_length=10, choices=Holder.choices)
    category = models.CharField("领域", max_length=20)
    text = models.TextField("责任事项")
    period = models.CharField("频次", max_length=10, choices=Period.choices)
    times = models.PositiveSmallIntegerField("每期次数", default=1)
    evidence_hint = models.CharField("佐证材料", max_length=200, blank=True)
    provider = models.CharField("佐证来源", max_length=60, blank=True)
    rule_key = models.CharField("依据编号", max_length=40, blank=True)
    citation = models.CharField("依据", max_length=200)
    citation_status = models.CharField("依据核实情况", max_length=20, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    scope_fields = ScopeFields(path="template__organization__path",
                               organization="template__organization")

    class Meta:
        verbose_name = "模板条目"
        verbose_name_plural = "模板条目"
        ordering = ["template", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["template", "key"], name="one_template_item_key"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.text[:30]}"
