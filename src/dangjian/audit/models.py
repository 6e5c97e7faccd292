"""Append-only, hash-chained audit log (审计日志), 等保 2.0 安全审计 a–c.

Each event stores the SM3 hash of its own content together with the previous event's hash, so
that changing or deleting any event breaks every hash after it (``dangjian audit verify``).
"""

from typing import Any

from django.conf import settings
from django.db import models


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("审计日志只能追加，不能修改")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计日志只能追加，不能删除")


class AuditEvent(models.Model):
    created_at = models.DateTimeField("时间")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="用户", null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    username = models.CharField("用户名", max_length=150, blank=True)
    ip = models.GenericIPAddressField("来源地址", null=True, blank=True)
    action = models.CharField("事件类型", max_length=60, db_index=True)
    success = models.BooleanField("是否成功", default=True)
    object_type = models.CharField("对象类型", max_length=60, blank=True)
    object_id = models.CharField("对象标识", max_length=64, blank=True)
    object_repr = models.CharField("对象", max_length=200, blank=True)
    before = models.JSONField("修改前", null=True, blank=True)
    after = models.JSONField("修改后", null=True, blank=True)
    prev_hash = models.CharField("前一事件哈希", max_length=64)
    hash = models.CharField("本事件哈希", max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = "审计事件"
        verbose_name_plural = "审计事件"
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.username} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("审计日志只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计日志只能追加，不能删除")


class ChainHead(models.Model):
    """One row holding the newest hash; locking it serialises appends to the chain."""

    last_hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = "审计链头"

    def __str__(self) -> str:
        return self.last_hash


class AuditArchiveQuerySet(models.QuerySet["AuditArchive"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("审计归档记录只能追加，不能修改")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计归档记录只能追加，不能删除")


class AuditArchive(models.Model):
    """One signed archive segment: events ``first_event_id``..``last_event_id`` as JSON lines,
    with a detached HMAC-SM3 signature beside the file (``<file>.sig``).

    The segments link like the events do: each starts from the previous segment's last hash
    (the first from the genesis hash), and the live chain continues from the last one.
    """

    created_at = models.DateTimeField("归档时间", auto_now_add=True)
    path = models.CharField("归档文件", max_length=500)
    first_event_id = models.BigIntegerField("首个事件编号", unique=True)
    last_event_id = models.BigIntegerField("末个事件编号", unique=True)
    event_count = models.PositiveIntegerField("事件数")
    first_prev_hash = models.CharField("首个事件的前一哈希", max_length=64)
    last_hash = models.CharField("末个事件哈希", max_length=64)
    first_created_at = models.DateTimeField("首个事件时间")
    last_created_at = models.DateTimeField("末个事件时间")
    sm3 = models.CharField("文件 SM3 摘要", max_length=64)

    objects = AuditArchiveQuerySet.as_manager()

    class Meta:
        verbose_name = "审计归档段"
        verbose_name_plural = "审计归档段"
        ordering = ["first_event_id"]

    def __str__(self) -> str:
        return f"审计归档 #{self.first_event_id}–#{self.last_event_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("审计归档记录只能追加，不能修改")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("审计归档记录只能追加，不能删除")


class RefusalWindow(models.Model):
    """Refusals (403, out-of-scope 404) of one subject on one route in one minute.

    The first refusal of a window writes the chained audit event; later ones only bump
    ``count``, so that a scan cannot flood the chain while the auditor still sees how many
    there were. ``event`` carries no database constraint: pruning deletes audit events with
    one raw statement (``archive._delete_through``), which removes their windows too.
    """

    subject = models.CharField("主体", max_length=200)  # "user:<pk>", or "ip:<address>"
    route = models.CharField("路由", max_length=200)
    minute = models.DateTimeField("分钟")
    count = models.PositiveIntegerField("次数", default=1)
    event = models.OneToOneField(
        AuditEvent, verbose_name="审计事件", null=True, blank=True, db_constraint=False,
        on_delete=models.DO_NOTHING, related_name="refusal_window",
    )

    class Meta:
        verbose_name = "拒绝访问计数"
        verbose_name_plural = "拒绝访问计数"
        constraints = [models.UniqueConstraint(fields=["subject", "route", "minute"],
                                               name="unique_refusal_window")]

    def __str__(self) -> str:
        return f"{self.subject} {self.route} {self.minute:%Y-%m-%d %H:%M} ×{self.count}"
