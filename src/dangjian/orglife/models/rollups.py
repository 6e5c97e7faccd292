from django.db import models

from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization

from .meetings import MeetingKind


def month_bit(month: int) -> int:
    """The bit of ``month`` (1–12) in ``MeetingRollup.months``."""
    return 1 << (month - 1)


class MeetingRollup(models.Model):
    """Meetings of one kind held by one organisation in one year, kept by the meeting services
    in the same transaction as each write, so that compliance over a province subtree reads
    one row per organisation and kind instead of every meeting (shared/NOTES.md)."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="meeting_rollups")
    kind = models.CharField("类型", max_length=10, choices=MeetingKind.choices)
    year = models.PositiveSmallIntegerField("年度")
    count = models.PositiveIntegerField("次数", default=0)
    months = models.PositiveIntegerField("有会议的月份", default=0)  # bit m-1 set: month m

    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               member_branch=True)

    class Meta:
        verbose_name = "会议年度汇总"
        verbose_name_plural = "会议年度汇总"
        constraints = [
            models.UniqueConstraint(fields=["organization", "kind", "year"],
                                    name="one_rollup_per_org_kind_year"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} {self.kind} {self.year}: {self.count}"

    def held_in(self, month: int) -> bool:
        return bool(self.months & month_bit(month))
