import django_filters
from django.db.models import QuerySet

from .models import Notification


class InboxFilterSet(django_filters.FilterSet):
    unread = django_filters.BooleanFilter(method="filter_unread", label="仅未读")

    class Meta:
        model = Notification
        fields = ["unread", "kind"]

    def filter_unread(
        self, queryset: QuerySet[Notification], name: str, value: bool
    ) -> QuerySet[Notification]:
        return queryset.filter(read_at__isnull=value)
