"""One FilterSet for the task list of the API, the desk page and the export."""

from typing import Any

import django_filters
from django.db.models import QuerySet

from .models import Task, TaskStatus
from .selectors import by_light, lights

LIGHTS = [("red", "红灯"), ("yellow", "黄灯"), ("green", "绿灯")]


class TaskFilterSet(django_filters.FilterSet):
    """``light`` needs ``next_due`` (selectors.tasks_for annotates it)."""

    status = django_filters.ChoiceFilter(choices=TaskStatus.choices, label="状态")
    light = django_filters.ChoiceFilter(choices=LIGHTS, method="filter_light", label="灯号")
    title = django_filters.CharFilter(lookup_expr="icontains", label="任务")

    class Meta:
        model = Task
        fields = ["plan", "lead_unit", "leader", "status", "light", "title"]

    def filter_light(self, queryset: QuerySet[Task], name: str, value: Any) -> QuerySet[Task]:
        return by_light(queryset, value, lights())
