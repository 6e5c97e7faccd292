"""The audit log's one FilterSet: the page (审计日志), the API and the 工作台's counts."""

import django_filters

from .models import AuditEvent


class AuditEventFilterSet(django_filters.FilterSet):
    # A day in local time (Asia/Shanghai), as the log shows its times.
    day = django_filters.DateFilter(field_name="created_at", lookup_expr="date", label="日期")

    class Meta:
        model = AuditEvent
        fields = ["action", "username", "object_type", "object_id", "success", "day"]
