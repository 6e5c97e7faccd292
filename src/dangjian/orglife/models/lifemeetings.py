"""民主生活会 of a leading group (党组、党委), stage by stage: 方案 → 征求意见 → 谈心谈话 →
对照检查材料 → 召开会议 → 整改清单 → 向上级报告. Each 整改 item becomes a finding of the
oversight ledger (来源“民主生活会查摆”), reached through ``core.crossings``."""

from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .meetings import Meeting


class LifeMeetingStage(models.TextChoices):
    PLANNED = "已制定方案", "已制定方案"
    OPINIONS = "已征求意见", "已征求意见"
    TALKS = "已开展谈心谈话", "已开展谈心谈话"
    MATERIALS = "已形成对照检查材料", "已形成对照检查材料"
    HELD = "已召开", "已召开"
    RECTIFYING = "已形成整改清单", "已形成整改清单"
    REPORTED = "已报告上级", "已报告上级"


class LifeMeeting(Recorded):
    """One 民主生活会 (《县以上党和国家机关党员领导干部民主生活会若干规定》)."""

    organization = models.ForeignKey(Organization, verbose_name="领导班子（党组）",
                                     on_delete=models.PROTECT, related_name="life_meetings")
    year = models.PositiveSmallIntegerField("年度")
    topic = models.CharField("会议主题", max_length=200)
    stage = models.CharField("阶段", max_length=12, choices=LifeMeetingStage.choices,
                             default=LifeMeetingStage.PLANNED)
    planned_on = models.DateField("计划召开日期")
    plan = models.TextField("工作方案")
    opinions_on = models.DateField("征求意见日期", null=True, blank=True)
    opinions_count = models.PositiveIntegerField("征求意见条数", null=True, blank=True)
    opinions = models.TextField("征求意见情况", blank=True)
    talks_on = models.DateField("谈心谈话完成日期", null=True, blank=True)
    materials_on = models.DateField("对照检查材料形成日期", null=True, blank=True)
    materials = models.TextField("对照检查材料（摘要）", blank=True)
    meeting = models.OneToOneField(Meeting, verbose_name="会议记录", null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="life_meeting")
    rectified_on = models.DateField("整改清单形成日期", null=True, blank=True)
    reported_on = models.DateField("报告上级日期", null=True, blank=True)
    reported_to = models.CharField("报送单位", max_length=100, blank=True)
    report_number = models.CharField("报告文号", max_length=50, blank=True)
    version = models.PositiveIntegerField("版本", default=1)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "民主生活会"
        verbose_name_plural = "民主生活会"
        ordering = ["-year", "-id"]
        # One yearly 民主生活会 a leading group (a 专题民主生活会 is entered as a meeting).
        constraints = [models.UniqueConstraint(fields=["organization", "year"],
                                               name="one_life_meeting_per_group_and_year")]

    def __str__(self) -> str:
        return f"{self.organization} {self.year}年度民主生活会"


class RectificationItem(models.Model):
    """One line of the 整改清单: the problem 查摆 at the meeting and its measure; ``finding_id``
    names the finding the oversight ledger keeps for it (an id, not a key: the ledger is a
    sibling app's)."""

    life_meeting = models.ForeignKey(LifeMeeting, on_delete=models.CASCADE,
                                     related_name="items")
    number = models.PositiveSmallIntegerField("序号")
    problem = models.TextField("查摆问题")
    category = models.CharField("问题类别", max_length=50)
    severity = models.CharField("严重程度", max_length=20)
    measure = models.TextField("整改措施")
    owner = models.ForeignKey(Person, verbose_name="责任人", on_delete=models.PROTECT,
                              related_name="+")
    due_on = models.DateField("完成时限")
    criterion = models.CharField("完成标准", max_length=200)
    finding_id = models.PositiveIntegerField("问题台账编号", null=True, blank=True)

    class Meta:
        verbose_name = "整改事项"
        verbose_name_plural = "整改清单"
        ordering = ["life_meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["life_meeting", "number"],
                                               name="one_rectification_item_per_number")]

    def __str__(self) -> str:
        return f"{self.number}. {self.problem[:30]}"
