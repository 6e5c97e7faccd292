from django.conf import settings
from django.db import models

from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class StudyKind(models.TextChoices):
    CENTRAL_GROUP = "中心组学习", "中心组学习"
    SEMINAR = "专题研讨", "专题研讨"
    ROTATION_TRAINING = "轮训", "轮训"
    PARTY_HISTORY = "党史学习教育", "党史学习教育"


class StudyRecord(models.Model):
    """A study or training record (学习培训记录): a member's hours, or a leading group's
    (党委（党组）理论学习中心组) session when ``person`` is empty."""

    organization = models.ForeignKey(Organization, verbose_name="组织（党组织或领导班子）",
                                     on_delete=models.PROTECT, related_name="study_records")
    person = models.ForeignKey(Person, verbose_name="党员", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="study_records")
    kind = models.CharField("类型", max_length=10, choices=StudyKind.choices)
    date = models.DateField("日期")
    hours = models.DecimalField("学时", max_digits=5, decimal_places=1)
    topic = models.CharField("主题", max_length=200)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="录入人",
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("录入时间", auto_now_add=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               person="person", member_branch=True)

    class Meta:
        verbose_name = "学习培训记录"
        verbose_name_plural = "学习培训记录"
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["organization", "date"]),
                   models.Index(fields=["person", "date"])]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.kind}：{self.topic}"
