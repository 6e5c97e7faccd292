from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class RiskLevel(models.TextChoices):
    HIGH = "高", "高"
    MEDIUM = "中", "中"
    LOW = "低", "低"


class RiskPoint(Recorded):
    """廉政风险点: a unit's or post's integrity risk, its controls and when to review them."""

    organization = models.ForeignKey(Organization, verbose_name="单位",
                                     on_delete=models.PROTECT, related_name="risk_points")
    post = models.CharField("岗位", max_length=50, blank=True)
    area = models.ForeignKey("oversight.Term", verbose_name="风险领域", on_delete=models.PROTECT,
                             related_name="+", limit_choices_to={"kind": "risk_area"})
    risk = models.TextField("风险描述")
    level = models.CharField("风险等级", max_length=2, choices=RiskLevel.choices)
    controls = models.TextField("防控措施")
    owner = models.ForeignKey(Person, verbose_name="责任人", null=True, blank=True,
                              on_delete=models.PROTECT, related_name="risk_points")
    review_on = models.DateField("复核日期")

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "廉政风险点"
        verbose_name_plural = "廉政风险点"
        ordering = ["organization", "id"]

    def __str__(self) -> str:
        return f"{self.organization} {self.post} {self.risk[:20]}"
