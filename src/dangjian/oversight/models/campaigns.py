from django.conf import settings
from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization


class Campaign(Recorded):
    """专项整治: a campaign (e.g. 党内政治生活不规范不严肃不经常问题专项整治) that findings, their
    measures and plans of the tasks app may belong to.

    Findings carry the link (``Finding.campaign``); measures belong through their finding.
    Plans live in the tasks app, which oversight may not import: ``CampaignPlan`` keeps the
    plan's id only, and ``dangjian.core.linked`` asks the tasks app (its registered reader) for
    the plan's title and task completion, scoped to the viewer."""

    organization = models.ForeignKey(Organization, verbose_name="组织单位",
                                     on_delete=models.PROTECT, related_name="campaigns")
    name = models.CharField("名称", max_length=100)
    starts_on = models.DateField("开始日期")
    ends_on = models.DateField("结束日期")
    basis = models.TextField("依据")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人",
                                   on_delete=models.PROTECT, related_name="+")

    scope_fields = ScopeFields(path="organization__path", organization="organization")

    class Meta:
        verbose_name = "专项整治"
        verbose_name_plural = "专项整治"
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="unique_campaign_name"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="campaign_period_ordered"),
        ]

    def __str__(self) -> str:
        return self.name


class CampaignPlan(models.Model):
    """A tasks-app plan (工作部署) counted in a campaign, by its id (no foreign key across the
    sibling apps; the link is checked through ``dangjian.core.linked`` when made)."""

    campaign = models.ForeignKey(Campaign, verbose_name="专项整治", on_delete=models.CASCADE,
                                 related_name="plan_links")
    plan_id = models.PositiveIntegerField("工作部署编号")
    linked_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="关联人",
                                  on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField("关联时间", auto_now_add=True)

    scope_fields = ScopeFields(path="campaign__organization__path",
                               organization="campaign__organization")

    class Meta:
        verbose_name = "专项整治的工作部署"
        verbose_name_plural = "专项整治的工作部署"
        constraints = [models.UniqueConstraint(fields=["campaign", "plan_id"],
                                               name="unique_campaign_plan")]

    def __str__(self) -> str:
        return f"{self.campaign}：部署{self.plan_id}"
