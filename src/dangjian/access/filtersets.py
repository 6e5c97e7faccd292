"""The accounts list's filters (账户): a name fragment, a role, active or not."""

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from .models import User
from .roles import Role

ACTIVE_CHOICES = [("", "全部"), ("true", "有效"), ("false", "已停用")]


class UserFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", label="用户名或姓名")
    role = django_filters.ChoiceFilter(field_name="grants__role", choices=Role.choices,
                                       label="角色", empty_label="全部", null_label=None,
                                       distinct=True)
    is_active = django_filters.BooleanFilter(label="状态", widget=forms.Select(
        choices=ACTIVE_CHOICES))

    class Meta:
        model = User
        fields = ["q", "role", "is_active"]

    def search(self, queryset: QuerySet[User], name: str, value: str) -> QuerySet[User]:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(username__icontains=value) | Q(display_name__icontains=value)
                               | Q(person__name__icontains=value))
