from django.conf import settings
from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class PlanKind(models.TextChoices):
    SPEECH = "讲话", "讲话"
    KEY_POINTS = "工作要点", "工作要点"
    SCHEME = "实施方案", "实施方案"
    BREAKDOWN = "任务分解表", "任务分解表"


class Plan(Recorded):
    """A speech, 工作要点 or 实施方案 whose action items become supervised tasks.

    Its text lives in revisions: a plan is revised (修订) by uploading a new version, which is
    reviewed and confirmed like the first, and the confirmation says which tasks changed.
    """

    organization = models.ForeignKey(Organization, verbose_name="部署单位",
                                     on_delete=models.PROTECT, related_name="plans")
    title = models.CharField("标题", max_length=200)
    kind = models.CharField("类型", max_length=10, choices=PlanKind.choices)
    year = models.PositiveSmallIntegerField("年度")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="录入人",
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("录入时间", auto_now_add=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "工作部署"
        verbose_name_plural = "工作部署"
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.title


class RevisionStatus(models.TextChoices):
    DRAFT = "待审核", "待审核"
    CONFIRMED = "已确认", "已确认"


class PlanRevision(models.Model):
    """One version of a plan's text and, once confirmed, what it changed among the tasks."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveSmallIntegerField("版本")
    source_name = models.CharField("来源文件", max_length=200, blank=True)
    text = models.TextField("原文")
    status = models.CharField("状态", max_length=10, choices=RevisionStatus.choices,
                              default=RevisionStatus.DRAFT)
    # {"added": [task ids], "changed": [{"task": id, "fields": [...]}], "withdrawn": [...],
    #  "unchanged": [...]}: written once when the revision is confirmed.
    changes = models.JSONField("任务变化", default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="上传人",
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("上传时间", auto_now_add=True)
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)

    class Meta:
        verbose_name = "部署版本"
        verbose_name_plural = "部署版本"
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_plan_revision"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} 第{self.number}版"


class Proposal(models.Model):
    """One proposed task of a draft revision, as the parser found it and the reviewer edits it.

    Nothing here is a task yet: confirming the revision turns the kept proposals into tasks.
    """

    revision = models.ForeignKey(PlanRevision, on_delete=models.CASCADE,
                                 related_name="proposals")
    position = models.PositiveIntegerField("顺序")
    path = models.JSONField("提纲位置", default=list)
    title = models.CharField("任务", max_length=200)
    text = models.TextField("原文")
    owners = models.JSONField("文中责任主体", default=list, blank=True)
    deadline = models.CharField("文中时限", max_length=60, blank=True)
    targets = models.JSONField("量化目标", default=list, blank=True)
    # [{"owner": "…", "organizations": [{"id", "name"}], "persons": [{"id", "name", "post"}]}]
    suggestions = models.JSONField("匹配建议", default=list, blank=True)
    # Why the parser cut the item here (切分依据): {"kind", "cue", "label_line", "note",
    # "needs_review"}
    # as ``outline.Cut.as_dict`` gives it; the review page shows the note.
    reason = models.JSONField("切分依据", default=dict, blank=True)
    lead_unit = models.ForeignKey(Organization, verbose_name="牵头单位", null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="+")
    co_units = models.ManyToManyField(Organization, verbose_name="配合单位", blank=True,
                                      related_name="+")
    leader = models.ForeignKey(Person, verbose_name="责任领导", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField("完成时限", null=True, blank=True)
    dropped = models.BooleanField("不作为任务", default=False)
    # The task of an earlier revision this proposal revises, so a revision can say what changed.
    task = models.ForeignKey("tasks.Task", verbose_name="对应任务", null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "任务建议"
        verbose_name_plural = "任务建议"
        ordering = ["revision", "position", "id"]

    def __str__(self) -> str:
        return self.title
