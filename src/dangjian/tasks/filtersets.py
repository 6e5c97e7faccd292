"""The task registers' filters: one FilterSet each for the list page, its export and the API
(the API's parameters — plan, lead_unit, leader, status, light, title — keep their meaning)."""

from datetime import timedelta
from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone

from dangjian.access.roles import ROLE_RULES
from dangjian.access.scoping import grants_of
from dangjian.core.inputs import IdFilter, YearNumberFilter
from dangjian.core.permissions import can
from dangjian.orgs.filtersets import subtree_path

from .models import OPEN_STATUSES, Bulletin, Plan, PlanKind, Task, TaskStatus
from .selectors import by_light, lights

LIGHTS = [("red", "红灯"), ("yellow", "黄灯"), ("green", "绿灯")]
YES = [("1", "是")]


def entered(user: Any) -> Q:
    """Tasks led within a unit ``user`` enters data for (a clerk's or secretary's subtree)."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    paths = [grant.organization.path for grant in grants_of(user)
             if ROLE_RULES[grant.role].enters_data and grant.organization is not None]
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(lead_unit__path__startswith=path)
    return condition


class TaskFilterSet(django_filters.FilterSet):
    """``light`` needs ``next_due`` (selectors.tasks_for annotates it)."""

    subtree = IdFilter(method="filter_subtree", label="牵头单位（含下级）")
    status = django_filters.ChoiceFilter(choices=TaskStatus.choices, label="状态")
    light = django_filters.ChoiceFilter(choices=LIGHTS, method="filter_light", label="灯号")
    title = django_filters.CharFilter(lookup_expr="icontains", label="任务")
    due_from = django_filters.DateFilter(field_name="due_on", lookup_expr="gte",
                                         label="完成时限起")
    due_to = django_filters.DateFilter(field_name="due_on", lookup_expr="lte",
                                       label="完成时限止")
    mine = django_filters.ChoiceFilter(choices=YES, method="filter_mine", label="本单位牵头")
    requested = django_filters.ChoiceFilter(choices=YES, method="filter_requested",
                                            label="待我确认办结")

    class Meta:
        model = Task
        fields = ["plan", "lead_unit", "leader", "status", "light", "title"]

    def filter_light(self, queryset: QuerySet[Task], name: str, value: Any) -> QuerySet[Task]:
        return by_light(queryset, value, lights())

    def filter_subtree(self, queryset: QuerySet[Task], name: str, value: int) -> QuerySet[Task]:
        return queryset.filter(lead_unit__path__startswith=subtree_path(value))

    def filter_mine(self, queryset: QuerySet[Task], name: str, value: str) -> QuerySet[Task]:
        """Open tasks led by a unit the user reports for: what the unit's clerk sends."""
        user = getattr(self.request, "user", None)
        return queryset.filter(entered(user), status__in=OPEN_STATUSES)

    def filter_requested(self, queryset: QuerySet[Task], name: str, value: str
                         ) -> QuerySet[Task]:
        """Requests to close a task that the user may confirm (not the unit's own)."""
        user = getattr(self.request, "user", None)
        asked = queryset.filter(status__in=OPEN_STATUSES, completion_requested_on__isnull=False)
        return asked.filter(pk__in=[task.pk for task in asked.select_related("plan", "lead_unit")
                                    if can(user, "tasks.confirm_completion", task)])


def due_this_week() -> dict[str, str]:
    """The query of open tasks due from today to the coming Sunday (本周到期)."""
    today = timezone.localdate()
    sunday = today + timedelta(days=6 - today.weekday())
    return {"due_from": today.isoformat(), "due_to": sunday.isoformat()}


class PlanFilterSet(django_filters.FilterSet):
    subtree = IdFilter(method="filter_subtree", label="部署单位（含下级）")
    q = django_filters.CharFilter(field_name="title", lookup_expr="icontains", label="标题")
    kind = django_filters.ChoiceFilter(choices=PlanKind.choices, label="类型")
    year = YearNumberFilter(label="年度")

    class Meta:
        model = Plan
        fields = ["subtree", "q", "kind", "year", "organization"]

    def filter_subtree(self, queryset: QuerySet[Plan], name: str, value: int) -> QuerySet[Plan]:
        return queryset.filter(organization__path__startswith=subtree_path(value))


class BulletinFilterSet(django_filters.FilterSet):
    subtree = IdFilter(method="filter_subtree", label="通报范围（含下级）")
    year = YearNumberFilter(label="年度")

    class Meta:
        model = Bulletin
        fields = ["subtree", "year", "plan"]

    def filter_subtree(self, queryset: QuerySet[Bulletin], name: str, value: int
                       ) -> QuerySet[Bulletin]:
        return queryset.filter(organization__path__startswith=subtree_path(value))
