from django.conf import settings
from django.db import models
from django.db.models import Q

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .. import rules


class Candidate(Recorded):
    """A development record (发展党员档案): one person's way from application to full membership,
    kept by the branch (党支部) they applied to. Only the services change it."""

    person = models.ForeignKey(Person, verbose_name="发展对象本人", on_delete=models.PROTECT,
                               related_name="development_records")
    organization = models.ForeignKey(Organization, verbose_name="党支部",
                                     on_delete=models.PROTECT, related_name="candidates")
    applied_on = models.DateField("递交入党申请书日期")
    current_step = models.PositiveSmallIntegerField("已完成至第几步", default=rules.FIRST_STEP)
    probation_ends_on = models.DateField("预备期满日期", null=True, blank=True)
    extension_months = models.PositiveSmallIntegerField("延长预备期（月）", null=True, blank=True)
    extension_decided_on = models.DateField("延长预备期决定日期", null=True, blank=True)
    extension_reason = models.CharField("延长预备期原因", max_length=200, blank=True)
    closed_on = models.DateField("终止日期", null=True, blank=True)
    close_reason = models.CharField("终止原因", max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="建档人",
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("建档时间", auto_now_add=True)

    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               person="person")

    class Meta:
        verbose_name = "发展党员档案"
        verbose_name_plural = "发展党员档案"
        ordering = ["organization__path", "applied_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["person"], condition=Q(closed_on__isnull=True),
                                    name="one_open_development_record_per_person"),
            models.CheckConstraint(
                condition=Q(current_step__gte=rules.FIRST_STEP, current_step__lte=rules.LAST_STEP),
                name="candidate_step_in_range"),
        ]

    def __str__(self) -> str:
        return f"{self.person}（{self.organization}）"

    @property
    def stage(self) -> rules.Stage:
        return rules.STEPS[self.current_step].stage

    @property
    def status(self) -> str:
        return rules.CLOSED if self.closed_on else rules.status_after(self.current_step)


class Step(models.Model):
    """One recorded step (步骤) of the 25, with the facts its rules are checked against.

    Fields beyond date and document belong to particular steps: contacts (5), introducers (9),
    the 政审/预审 result (10, 13), training (11), the 支部大会 vote (15, 23), the reason for a
    late approval (17) and the publicity start (the configured steps).
    """

    candidate = models.ForeignKey(Candidate, verbose_name="发展党员档案",
                                  on_delete=models.CASCADE, related_name="steps")
    number = models.PositiveSmallIntegerField("步骤")
    date = models.DateField("日期")
    document = models.CharField("文书（名称、编号）", max_length=200, blank=True)
    note = models.TextField("说明", blank=True)
    first_contact = models.ForeignKey(Person, verbose_name="培养联系人", null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    second_contact = models.ForeignKey(Person, verbose_name="第二培养联系人", null=True,
                                       blank=True, on_delete=models.PROTECT, related_name="+")
    first_introducer = models.ForeignKey(Person, verbose_name="入党介绍人", null=True,
                                         blank=True, on_delete=models.PROTECT, related_name="+")
    second_introducer = models.ForeignKey(Person, verbose_name="第二入党介绍人", null=True,
                                          blank=True, on_delete=models.PROTECT, related_name="+")
    passed = models.BooleanField("审查结论：合格", null=True, blank=True)
    training_days = models.PositiveSmallIntegerField("培训天数", null=True, blank=True)
    training_hours = models.PositiveSmallIntegerField("培训学时", null=True, blank=True)
    should_attend = models.PositiveSmallIntegerField("应到会有表决权的正式党员", null=True,
                                                     blank=True)
    present = models.PositiveSmallIntegerField("实到会有表决权的正式党员", null=True, blank=True)
    ayes = models.PositiveSmallIntegerField("到会赞成人数", null=True, blank=True)
    written_ayes = models.PositiveSmallIntegerField("书面表示赞成人数", null=True, blank=True)
    late_reason = models.CharField("超过3个月审批的特殊情况", max_length=200, blank=True)
    publicity_from = models.DateField("公示开始日期", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="录入人",
                                    on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField("录入时间", auto_now_add=True)

    scope_fields = ScopeFields(path="candidate__organization__path",
                               organization="candidate__organization", person="candidate__person")

    class Meta:
        verbose_name = "发展步骤"
        verbose_name_plural = "发展步骤"
        ordering = ["candidate", "number", "date", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "number"], name="each_step_once_except_reviews",
                condition=~Q(number__in=sorted(rules.REPEATABLE_STEPS))),
        ]

    def __str__(self) -> str:
        return f"第{self.number}步 {self.name}"

    @property
    def name(self) -> str:
        return rules.STEPS[self.number].name
