from django.conf import settings
from django.db import models
from django.db.models import Q

from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class AccountabilityForm(models.TextChoices):
    """问责方式 (问责条例 第八条): 检查/通报/改组 for organisations; 通报/诫勉/组织调整或者
    组织处理/纪律处分 for leading cadres."""

    INSPECTION = "检查", "检查"
    CIRCULAR = "通报", "通报"
    REORGANISATION = "改组", "改组"
    ADMONITION = "诫勉", "诫勉"
    ORGANISATIONAL = "组织调整或者组织处理", "组织调整或者组织处理"
    DISCIPLINARY = "纪律处分", "纪律处分"


ORG_FORMS = {AccountabilityForm.INSPECTION, AccountabilityForm.CIRCULAR,
             AccountabilityForm.REORGANISATION}
CADRE_FORMS = {AccountabilityForm.CIRCULAR, AccountabilityForm.ADMONITION,
               AccountabilityForm.ORGANISATIONAL, AccountabilityForm.DISCIPLINARY}


class FourForms(models.TextChoices):
    """监督执纪“四种形态” recorded on outcomes."""

    FIRST = "第一种形态", "第一种形态"
    SECOND = "第二种形态", "第二种形态"
    THIRD = "第三种形态", "第三种形态"
    FOURTH = "第四种形态", "第四种形态"


class Accountability(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "建议", "问责建议"
        DECIDED = "已决定", "已作出决定"
        COMPLETED = "已完成", "已落实"

    organization = models.ForeignKey(Organization, verbose_name="被问责组织",
                                     on_delete=models.PROTECT, related_name="accountability")
    person = models.ForeignKey(Person, verbose_name="被问责领导干部", null=True, blank=True,
                               on_delete=models.PROTECT, related_name="accountability")
    form = models.CharField("问责方式", max_length=20, choices=AccountabilityForm.choices,
                            blank=True)
    four_forms = models.CharField("四种形态", max_length=10, choices=FourForms.choices,
                                  blank=True)
    findings = models.ManyToManyField("oversight.Finding", verbose_name="关联问题",
                                      related_name="accountability")
    reason = models.TextField("事由")
    status = models.CharField("状态", max_length=10, choices=Status.choices,
                              default=Status.PROPOSED)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    deciding_body = models.CharField("决定机关", max_length=100, blank=True)
    complete_by = models.DateField("手续完成期限", null=True, blank=True)
    completed_on = models.DateField("手续完成日期", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # What a system proposal answers ("tasks.task:7:2026-11-02", ``core.proposals``): one case
    # per source. Empty for cases an inspector opens and for escalation's (its own step row).
    source = models.CharField("来源", max_length=80, blank=True, default="")

    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               person="person")

    class Meta:
        verbose_name = "问责"
        verbose_name_plural = "问责"
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["source"], condition=~Q(source=""),
                                               name="one_proposal_per_source")]

    def __str__(self) -> str:
        target = self.person or self.organization
        return f"{target} {self.form or '问责建议'}"


class AccountabilityCorrection(models.Model):
    """A recorded correction of a decided or completed case: the only way such a case changes.
    What the case said before and after, who corrected it and why stay in the record."""

    case = models.ForeignKey(Accountability, verbose_name="问责", on_delete=models.PROTECT,
                             related_name="corrections")
    reason = models.TextField("更正理由")
    before = models.JSONField("更正前")
    after = models.JSONField("更正后")
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="更正人",
                                     on_delete=models.PROTECT, related_name="+")
    corrected_at = models.DateTimeField("更正时间", auto_now_add=True)

    class Meta:
        verbose_name = "问责更正记录"
        verbose_name_plural = "问责更正记录"
        ordering = ["case", "id"]

    def __str__(self) -> str:
        return f"{self.case} 更正：{self.reason}"
