import django_filters
from django.db.models import QuerySet

from dangjian.core.inputs import IdFilter, YearFilter
from dangjian.orgs.filtersets import subtree_path

from .models import Meeting, MeetingKind


class MeetingFilterSet(django_filters.FilterSet):
    """One filter for the page and the API: organisation, subtree, kind, year."""

    organization = IdFilter(field_name="organization_id")
    subtree = IdFilter(method="filter_subtree", label="组织及其下级")
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices)
    year = YearFilter("held_on")

    class Meta:
        model = Meeting
        fields = ["organization", "subtree", "kind", "year"]

    def filter_subtree(self, queryset: QuerySet[Meeting], name: str, value: int
                       ) -> QuerySet[Meeting]:
        return queryset.filter(organization__path__startswith=subtree_path(value))
