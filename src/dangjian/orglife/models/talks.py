"""谈心谈话 as pairs: who talked with whom, of which kind, when, and what was said.

The summary is the two persons' and their organisation's secretary's only
(``services.talks.may_read_summary``): everyone else in scope sees that a talk happened."""

from django.conf import settings
from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class TalkKind(models.TextChoices):
    """谈心谈话的类型; the values are the Chinese names the API exchanges."""

    COMMITTEE = "委员之间", "委员之间"
    COMMITTEE_MEMBER = "委员与党员", "委员与党员"
    MEMBERS = "党员之间", "党员之间"
    SECRETARY_TEAM = "书记与班子成员", "书记与班子成员"
    BEFORE_LIFE_MEETING = "民主生活会前", "民主生活会前"


class HeartTalk(Recorded):
    """One 谈心谈话 between two persons of an organisation (a branch or a leading group)."""

    organization = models.ForeignKey(Organization, verbose_name="组织", on_delete=models.PROTECT,
                                     related_name="heart_talks")
    year = models.PositiveSmallIntegerField("年度")
    talker = models.ForeignKey(Person, verbose_name="谈话人", on_delete=models.PROTECT,
                               related_name="+")
    talkee = models.ForeignKey(Person, verbose_name="谈话对象", on_delete=models.PROTECT,
                               related_name="+")
    kind = models.CharField("类型", max_length=10, choices=TalkKind.choices)
    held_on = models.DateField("谈话日期")
    summary = models.TextField("谈话内容摘要", blank=True)
    # 民主生活会前 talks belong to the life meeting they prepare (linked at its 谈心谈话 stage).
    life_meeting = models.ForeignKey("orglife.LifeMeeting", verbose_name="民主生活会", null=True,
                                     blank=True, on_delete=models.PROTECT, related_name="talks")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", null=True,
                                   blank=True, on_delete=models.PROTECT, related_name="+")

    # A plain 党员 sees the talks naming them (as talker or as the one talked with).
    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               person="talker", addressee="talkee")

    class Meta:
        verbose_name = "谈心谈话"
        verbose_name_plural = "谈心谈话"
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["organization", "year"])]
        constraints = [
            models.UniqueConstraint(fields=["organization", "talker", "talkee", "kind", "held_on"],
                                    name="one_heart_talk_per_pair_kind_and_day"),
            models.CheckConstraint(condition=~models.Q(talker=models.F("talkee")),
                                   name="heart_talk_between_two_persons"),
        ]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.talker} 与 {self.talkee}（{self.kind}）"
