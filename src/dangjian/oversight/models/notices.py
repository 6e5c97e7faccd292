from django.conf import settings
from django.db import models

from dangjian.core.models import Recorded
from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Person


class NoticeStatus(models.TextChoices):
    DRAFT = "草稿", "草稿"
    ISSUED = "已签发", "已签发"
    ACKNOWLEDGED = "已签收", "已签收"
    REPLIED = "已回复", "已回复"
    CLOSED = "已办结", "已办结"


class Notice(Recorded):
    """监督工作提示单: findings in one vice head's area, sent to that 分管副县长."""

    organization = models.ForeignKey(Organization, verbose_name="发出范围",
                                     on_delete=models.PROTECT, related_name="notices")
    recipient = models.ForeignKey(Person, verbose_name="接收领导", on_delete=models.PROTECT,
                                  related_name="notices_received")
    findings = models.ManyToManyField("oversight.Finding", verbose_name="问题",
                                      related_name="notices")
    title = models.CharField("标题", max_length=100, default="监督工作提示单")
    reply_due = models.DateField("回复期限")
    status = models.CharField("状态", max_length=10, choices=NoticeStatus.choices,
                              default=NoticeStatus.DRAFT)
    year = models.PositiveSmallIntegerField("年度", null=True, blank=True)
    sequence = models.PositiveIntegerField("序号", null=True, blank=True)
    issued_on = models.DateField("签发日期", null=True, blank=True)
    acknowledged_at = models.DateTimeField("签收时间", null=True, blank=True)
    reply_text = models.TextField("回复内容", blank=True)
    replied_at = models.DateTimeField("回复时间", null=True, blank=True)
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="起草人",
                                   on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField("起草时间", auto_now_add=True)

    # The inspector's county sees it by organisation; the vice head because it is addressed
    # to them (a person's own records).
    scope_fields = ScopeFields(path="organization__path", organization="organization",
                               addressee="recipient")

    class Meta:
        verbose_name = "监督工作提示单"
        verbose_name_plural = "监督工作提示单"
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="unique_notice_number"),
        ]

    def __str__(self) -> str:
        return self.number or f"{self.title}（草稿）"

    @property
    def number(self) -> str:
        """发文字号, e.g. 示纪提〔2026〕3号: sequential per year, given when issued."""
        if self.sequence is None:
            return ""
        prefix = getattr(settings, "DANGJIAN_NOTICE_PREFIX", "示纪提")
        return f"{prefix}〔{self.year}〕{self.sequence}号"


class NoticeCounter(models.Model):
    """The last 发文字号 sequence given in a year. Issuing locks this row (``SELECT … FOR
    UPDATE``) to take the next number, so that two notices issued at once never read the same
    maximum and clash on ``unique_notice_number``."""

    year = models.PositiveSmallIntegerField("年度", unique=True)
    last = models.PositiveIntegerField("已用序号", default=0)

    class Meta:
        verbose_name = "提示单编号计数"
        verbose_name_plural = "提示单编号计数"

    def __str__(self) -> str:
        return f"{self.year}年：{self.last}"


class ReplyActionKind(models.TextChoices):
    """What a vice head did on a 提示单 (the 一岗双责 actions his reply reports)."""

    TALK = "约谈提醒", "约谈提醒"
    CRITICISM = "批评教育", "批评教育"
    ORGANISATIONAL = "组织处理", "组织处理"
    DISCIPLINE_PROPOSAL = "纪律处分建议", "纪律处分建议"


class NoticeAction(models.Model):
    """One action of a structured reply (回复措施): kind, date and the person it concerned."""

    notice = models.ForeignKey(Notice, verbose_name="提示单", on_delete=models.CASCADE,
                               related_name="actions")
    kind = models.CharField("措施", max_length=10, choices=ReplyActionKind.choices)
    taken_on = models.DateField("日期")
    person = models.ForeignKey(Person, verbose_name="对象", on_delete=models.PROTECT,
                               related_name="notice_actions")
    note = models.CharField("说明", max_length=200, blank=True)

    scope_fields = ScopeFields(path="notice__organization__path",
                               organization="notice__organization",
                               addressee="notice__recipient")

    class Meta:
        verbose_name = "提示单回复措施"
        verbose_name_plural = "提示单回复措施"
        ordering = ["taken_on", "id"]

    def __str__(self) -> str:
        return f"{self.kind}：{self.person}"
