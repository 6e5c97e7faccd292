from django.conf import settings
from django.db import models
from django.db.models import Q

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from ..kinds import Holder, Period


class ResponsibilityList(Recorded):
    """责任清单 of one year: a party body's own, or one of its leaders'."""

    organization = models.ForeignKey(Organization, verbose_name="党组织", on_delete=models.PROTECT,
                                     related_name="responsibility_lists")
    person = models.ForeignKey(Person, verbose_name="责任人", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="responsibility_lists")
    holder = models.CharField("责任主体", max_length=10, choices=Holder.choices)
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("标题", max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="创建人",
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    # The imported template version the items were copied from; empty: the built-in template.
    template = models.ForeignKey("duties.ResponsibilityTemplate", verbose_name="模板版本",
                                 null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="lists")

    # The body's subtree sees it; a leader sees their own list wherever their post is.
    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               addressee="person")

    class Meta:
        verbose_name = "责任清单"
        verbose_name_plural = "责任清单"
        ordering = ["-year", "organization__path", "holder", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "year"],
                                    condition=Q(person__isnull=True),
                                    name="one_body_list_a_year"),
            models.UniqueConstraint(fields=["organization", "year", "person"],
                                    condition=Q(person__isnull=False),
                                    name="one_leader_list_a_year"),
        ]

    def __str__(self) -> str:
        return self.title


class ResponsibilityItem(models.Model):
    """One duty of a list: copied from the template (``template_key``) or added locally."""

    list = models.ForeignKey(ResponsibilityList, on_delete=models.CASCADE, related_name="items")
    template_key = models.CharField("模板条目", max_length=40, blank=True)
    category = models.CharField("类别", max_length=20)
    text = models.TextField("责任内容")
    citation = models.CharField("依据", max_length=200, blank=True)
    citation_status = models.CharField("依据核实情况", max_length=20, blank=True)
    period = models.CharField("频次", max_length=10, choices=Period.choices)
    times = models.PositiveSmallIntegerField("每期次数", default=1)
    evidence_hint = models.CharField("佐证材料", max_length=200, blank=True)
    provider = models.CharField("自动统计来源", max_length=60, blank=True)
    order = models.PositiveSmallIntegerField("排序", default=0)
    active = models.BooleanField("启用", default=True)

    scope_fields = ScopeFields(path="list__organization__path", organization="list__organization",
                               addressee="list__person")

    class Meta:
        verbose_name = "责任事项"
        verbose_name_plural = "责任事项"
        ordering = ["list", "order", "id"]

    def __str__(self) -> str:
        return self.text[:40]

    @property
    def is_local(self) -> bool:
        return not self.template_key


class YearEndCheck(models.Model):
    """The year-end check of one list (年终检查), taken once by the daily job after its year:
    how many items ended the year overdue, and whether a 问责建议 was raised for them."""

    list = models.OneToOneField(ResponsibilityList, verbose_name="责任清单",
                                on_delete=models.CASCADE, related_name="year_end_check")
    taken_on = models.DateField("检查日期")
    overdue = models.PositiveSmallIntegerField("年终未完成事项数")
    proposed = models.BooleanField("已提出问责建议", default=False)

    class Meta:
        verbose_name = "责任清单年终检查"
        verbose_name_plural = "责任清单年终检查"

    def __str__(self) -> str:
        return f"{self.list} 年终未完成{self.overdue}项"
