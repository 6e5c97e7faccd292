"""The audit log as a table: events by their Chinese names, refusals with their per-minute
count (``RefusalWindow``)."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse

from dangjian.core.lists import RegisterTable

from .labels import action_label
from .models import AuditEvent


def _detail(record: AuditEvent) -> str:
    return reverse("audit:auditevent_detail", args=[record.pk])


class AuditEventTable(RegisterTable):
    created_at = tables.DateTimeColumn(verbose_name="时间", format="Y-m-d H:i:s",
                                       linkify=_detail, order_by="id")
    username = tables.Column(verbose_name="用户")
    ip = tables.Column(verbose_name="来源地址")
    action = tables.Column(verbose_name="事件")
    success = tables.Column(verbose_name="结果", empty_values=())
    object_repr = tables.Column(verbose_name="对象")

    class Meta(RegisterTable.Meta):
        model = AuditEvent
        fields = ("created_at", "username", "ip", "action", "success", "object_repr")
        attrs = {"class": "register", "data-testid": "audit-events"}
        row_attrs: dict[str, Any] = {"data-testid": lambda record: f"event-{record.pk}"}

    def render_action(self, value: str) -> str:
        return action_label(value)

    def render_success(self, record: AuditEvent) -> str:
        text = "成功" if record.success else "失败"
        window = getattr(record, "refusal_window", None)
        return f"{text}（该分钟内共 {window.count} 次）" if window else text

    def value_success(self, record: AuditEvent) -> str:
        return self.render_success(record)
