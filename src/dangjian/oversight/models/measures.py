from django.conf import settings
from django.db import models

from dangjian.core.files.models import StoredFile
from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.people.models import Person


class MeasureStatus(models.TextChoices):
    PENDING = "待整改", "待整改"
    IN_PROGRESS = "整改中", "整改中"
    SUBMITTED = "待核查", "待核查"
    CLOSED = "已销号", "已销号"


class Measure(Recorded):
    """整改措施: what, who, by when, and the criterion that proves it done."""

    finding = models.ForeignKey("oversight.Finding", verbose_name="问题",
                                on_delete=models.PROTECT, related_name="measures")
    description = models.TextField("整改措施")
    owner = models.ForeignKey(Person, verbose_name="责任人", on_delete=models.PROTECT,
                              related_name="measures")
    due_on = models.DateField("完成时限")
    criterion = models.CharField("完成标准", max_length=200)
    status = models.CharField("状态", max_length=10, choices=MeasureStatus.choices,
                              default=MeasureStatus.PENDING)
    # Optimistic locking: a write names the version it read; a stale one is refused.
    version = models.PositiveIntegerField("版本", default=1)
    closed_on = models.DateField("销号日期", null=True, blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    scope_fields = ScopeFields(path="finding__organization__path",
                               organization="finding__organization")

    class Meta:
        verbose_name = "整改措施"
        verbose_name_plural = "整改措施"
        ordering = ["due_on", "id"]
        indexes = [
            models.Index(fields=["due_on"], name="open_measure_due",
                         condition=~models.Q(status=MeasureStatus.CLOSED)),
        ]

    def __str__(self) -> str:
        return self.description[:40]

    @property
    def return_reason(self) -> str:
        """Why the inspector last sent the measure back, while it is being reworked."""
        if self.status != MeasureStatus.IN_PROGRESS:
            return ""
        last = max(self.verifications.all(), key=lambda v: v.pk, default=None)
        return last.comment if last and last.decision == Verification.Decision.RETURN else ""


class Progress(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="progress")
    text = models.TextField("进展情况")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                               related_name="+")
    created_at = models.DateTimeField("报告时间", auto_now_add=True)
    # A wrong entry is never overwritten: a new entry corrects it, saying why.
    corrects = models.OneToOneField("self", verbose_name="更正的进展", null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="correction")
    reason = models.CharField("更正理由", max_length=200, blank=True)

    class Meta:
        verbose_name = "整改进展"
        verbose_name_plural = "整改进展"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:40]


class Evidence(StoredFile):
    """A file that proves a measure; ``proves_date`` (what it shows) is kept apart from the
    upload time (when it arrived), so back-dated paperwork is visible as such."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("文件", upload_to="evidence/%Y/%m/")
    proves_date = models.DateField("佐证日期", null=True, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"


class Verification(models.Model):
    class Decision(models.TextChoices):
        ACCEPT = "accept", "通过销号"
        RETURN = "return", "退回整改"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="verifications")
    decision = models.CharField("核查结论", max_length=10, choices=Decision.choices)
    comment = models.TextField("核查意见", blank=True)
    inspector = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    created_at = models.DateTimeField("核查时间", auto_now_add=True)

    class Meta:
        verbose_name = "核查记录"
        verbose_name_plural = "核查记录"

    def __str__(self) -> str:
        return f"{self.measure} {self.get_decision_display()}"


class Escalation(models.Model):
    """One escalation step taken for a measure; the unique key makes the daily job idempotent."""

    class Step(models.TextChoices):
        DUE_SOON = "due_soon", "临期提醒单位"
        OVERDUE = "overdue", "逾期报告分管领导"
        ACCOUNTABILITY = "accountability", "提出问责建议"

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="escalations")
    step = models.CharField("步骤", max_length=20, choices=Step.choices)
    taken_on = models.DateField("日期")

    class Meta:
        verbose_name = "督办升级"
        verbose_name_plural = "督办升级"
        constraints = [
            models.UniqueConstraint(fields=["measure", "step"], name="one_escalation_per_step"),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.get_step_display()}"
