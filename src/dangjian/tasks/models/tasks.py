from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class TaskStatus(models.TextChoices):
    NOT_STARTED = "未启动", "未启动"
    IN_PROGRESS = "推进中", "推进中"
    OVERDUE = "逾期", "逾期"
    DONE = "已完成", "已完成"
    WITHDRAWN = "已撤销", "已撤销"  # dropped by a plan revision


OPEN_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE)


class ReportCycle(models.TextChoices):
    MONTHLY = "每月", "每月"
    QUARTERLY = "每季度", "每季度"
    NONE = "不定期", "不定期"


class Task(Recorded):
    """督查督办 task: one action item of a plan, led by a unit under a responsible leader."""

    plan = models.ForeignKey("tasks.Plan", verbose_name="工作部署", on_delete=models.PROTECT,
                             related_name="tasks")
    number = models.PositiveIntegerField("序号")
    path = models.JSONField("提纲位置", default=list, blank=True)
    title = models.CharField("任务", max_length=200)
    text = models.TextField("任务内容", blank=True)
    lead_unit = models.ForeignKey(Organization, verbose_name="牵头单位", on_delete=models.PROTECT,
                                  related_name="tasks_led")
    co_units = models.ManyToManyField(Organization, verbose_name="配合单位", blank=True,
                                      related_name="tasks_assisted")
    leader = models.ForeignKey(Person, verbose_name="责任领导", on_delete=models.PROTECT,
                               related_name="tasks_in_charge")
    due_on = models.DateField("完成时限")
    deadline_text = models.CharField("文中时限", max_length=60, blank=True)
    targets = models.JSONField("量化目标", default=list, blank=True)
    report_cycle = models.CharField("报送周期", max_length=10, choices=ReportCycle.choices,
                                    default=ReportCycle.MONTHLY)
    report_day = models.PositiveSmallIntegerField(
        "每期报送截止日", default=25, validators=[MinValueValidator(1), MaxValueValidator(28)])
    status = models.CharField("状态", max_length=10, choices=TaskStatus.choices,
                              default=TaskStatus.NOT_STARTED)
    completion_requested_on = models.DateField("申请办结日期", null=True, blank=True)
    completion_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请办结人", on_delete=models.PROTECT,
        null=True, blank=True, related_name="+")
    completed_on = models.DateField("办结日期", null=True, blank=True)
    added_in = models.PositiveSmallIntegerField("加入版本", default=1)
    changed_in = models.PositiveSmallIntegerField("最近修订版本", default=1)
    # Optimistic locking, as for 整改措施: a write names the version it read.
    version = models.PositiveIntegerField("版本号", default=1)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    # The lead unit's subtree sees it; the responsible leader sees it wherever it lies.
    scope_fields = ScopeFields(path="lead_unit__path", organization="lead_unit",
                               addressee="leader")

    class Meta:
        verbose_name = "督办任务"
        verbose_name_plural = "督办任务"
        ordering = ["plan", "number", "id"]
        indexes = [
            models.Index(fields=["due_on"], name="open_task_due",
                         condition=models.Q(status__in=[
                             TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.OVERDUE])),
            models.Index(fields=["leader", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Milestone(models.Model):
    """A dated step of a task (节点); the task's light follows its earliest open one."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField("节点", max_length=200)
    due_on = models.DateField("节点时限")
    done_on = models.DateField("完成日期", null=True, blank=True)

    # A milestone is seen with its task (a progress report names it by id).
    scope_fields = ScopeFields(path="task__lead_unit__path", organization="task__lead_unit",
                               addressee="task__leader")

    class Meta:
        verbose_name = "任务节点"
        verbose_name_plural = "任务节点"
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title
