"""One filter set per list, serving the pages and the API alike."""

import django_filters
from django.db.models import QuerySet

from dangjian.core.inputs import IdFilter, YearNumberFilter
from dangjian.orgs.filtersets import subtree_path

from .models import Income, IncomeStatus


class IncomeFilterSet(django_filters.FilterSet):
    subtree = IdFilter(method="filter_subtree", label="乡镇或村（含下级）")
    organization = IdFilter(field_name="organization_id", label="村/社区")
    status = django_filters.ChoiceFilter(choices=IncomeStatus.choices, label="状态")
    year = YearNumberFilter(field_name="year", label="年度")

    class Meta:
        model = Income
        fields = ["subtree", "organization", "status", "year"]

    def filter_subtree(self, queryset: QuerySet[Income], name: str, value: int
                       ) -> QuerySet[Income]:
        return queryset.filter(organization__path__startswith=subtree_path(value))
