"""站内信: one row per notice a user received. The row is the inbox; other channels only
announce it."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField("类型", max_length=50, help_text="如 measure.due_soon")
    title = models.CharField("标题", max_length=200)
    body = models.TextField("正文", blank=True)
    link = models.CharField("链接", max_length=500, blank=True, help_text="本站路径，如 /inbox/")
    # Whoever sends decides what "the same notice" means (e.g. "measure:12:due:2026-05-01"), so
    # a job that runs twice, or two workers racing, still leave one row per recipient.
    dedupe_key = models.CharField("去重键", max_length=200)
    created_at = models.DateTimeField("创建时间", default=timezone.now)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "站内信"
        verbose_name_plural = "站内信"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "dedupe_key"],
                                    name="unique_notification_per_recipient_key"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
