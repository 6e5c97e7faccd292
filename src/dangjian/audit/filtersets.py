"""The audit log's one FilterSet: the 审计日志 page, its export, the API (whose parameters
action, username, object_type, object_id and success keep their exact-match meaning) and the
工作台's counts."""

import django_filters
from django import forms

from .labels import ACTION_LABELS
from .models import AuditEvent

SUCCESS_CHOICES = [("", "全部结果"), ("true", "成功"), ("false", "失败或被拒绝")]


class AuditEventFilterSet(django_filters.FilterSet):
    # Any stored code is accepted (older codes too); the page offers the known ones by name.
    action = django_filters.CharFilter(label="事件类型", widget=forms.Select(
        choices=[("", "全部事件"), *ACTION_LABELS.items()]))
    username = django_filters.CharFilter(label="用户名")
    date_from = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte",
                                          label="日期起")
    date_to = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte",
                                        label="日期止")
    # A day in local time (Asia/Shanghai), as the log shows its times.
    day = django_filters.DateFilter(field_name="created_at", lookup_expr="date", label="日期")
    object_type = django_filters.CharFilter(label="对象类型")
    object_id = django_filters.CharFilter(label="对象标识")
    success = django_filters.BooleanFilter(label="结果", widget=forms.Select(
        choices=SUCCESS_CHOICES))

    class Meta:
        model = AuditEvent
        fields = ["action", "username", "day", "date_from", "date_to", "object_type",
                  "object_id", "success"]
