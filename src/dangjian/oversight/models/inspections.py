from django.conf import settings
from django.db import models

from dangjian.core.files.models import StoredFile
from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class InspectionTopic(models.TextChoices):
    """What a 督导检查 looks at (seed 004: 执行党章、党内政治生活准则和落实民主集中制)."""

    CONSTITUTION = "执行党章", "执行党章"
    POLITICAL_LIFE = "党内政治生活准则", "执行党内政治生活准则"
    DEMOCRATIC_CENTRALISM = "民主集中制", "落实民主集中制"


class ItemResult(models.TextChoices):
    MET = "符合", "符合"
    PARTLY = "基本符合", "基本符合"
    NOT_MET = "不符合", "不符合"


class Inspection(Recorded):
    """督导检查: a vice head (分管领导) inspects departments of his 分管 area.

    ``organization`` is the targets' nearest common ancestor (检查范围): one target's clerk sees
    an inspection of his unit alone; the organiser always sees his own (``addressee``)."""

    organizer = models.ForeignKey(Person, verbose_name="组织检查的分管领导",
                                  on_delete=models.PROTECT, related_name="inspections_led")
    organization = models.ForeignKey(Organization, verbose_name="检查范围",
                                     on_delete=models.PROTECT, related_name="+")
    targets = models.ManyToManyField(Organization, verbose_name="被检查单位",
                                     related_name="inspections")
    topics = models.JSONField("检查内容", default=list)
    inspected_on = models.DateField("检查日期")
    report = models.TextField("检查报告", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人",
                                   on_delete=models.PROTECT, related_name="+")

    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               addressee="organizer")

    class Meta:
        verbose_name = "督导检查"
        verbose_name_plural = "督导检查"
        ordering = ["-inspected_on", "-id"]

    def __str__(self) -> str:
        return f"{self.organizer}督导检查（{self.inspected_on:%Y-%m-%d}）"

    @property
    def topics_text(self) -> str:
        labels = dict(InspectionTopic.choices)
        return "、".join(labels.get(t, t) for t in self.topics)


class InspectionItem(models.Model):
    """One line of an inspection's checklist (检查清单) with its result."""

    inspection = models.ForeignKey(Inspection, verbose_name="督导检查", on_delete=models.CASCADE,
                                   related_name="items")
    topic = models.CharField("检查内容", max_length=20, choices=InspectionTopic.choices)
    text = models.CharField("检查事项", max_length=200)
    result = models.CharField("检查结果", max_length=10, choices=ItemResult.choices)
    note = models.CharField("说明", max_length=200, blank=True)

    scope_fields = ScopeFields(path="inspection__organization__path",
                               organization="inspection__organization",
                               addressee="inspection__organizer")

    class Meta:
        verbose_name = "检查事项"
        verbose_name_plural = "检查清单"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.text}：{self.result}"


class InspectionFile(StoredFile):
    """A file of an inspection: the signed 检查报告 a county keeps, scanned or as issued."""

    inspection = models.ForeignKey(Inspection, verbose_name="督导检查", on_delete=models.CASCADE,
                                   related_name="files")
    file = models.FileField("文件", upload_to="inspections/%Y/%m/")

    class Meta:
        verbose_name = "检查报告文件"
        verbose_name_plural = "检查报告文件"
        ordering = ["uploaded_at", "id"]
