"""The assessment registers' filters: pages, exports, to-dos and the API use the same class
(the API's ``?scheme=&target=``)."""

import django_filters
from django import forms
from django.db.models import QuerySet

from dangjian.core.inputs import IdFilter, YearNumberFilter
from dangjian.orgs.filtersets import SubtreeFilterSet

from .models import Appeal, Indicator, Result, Scheme, Score


class SchemeFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="contains", label="方案名称")
    year = YearNumberFilter(label="年度")
    # An unticked box means "any", not "approved": the filter narrows only when ticked.
    awaiting_leader = django_filters.BooleanFilter(
        method="filter_awaiting_leader", label="待县领导审定", widget=forms.CheckboxInput)

    class Meta:
        model = Scheme
        fields = ["q", "year", "target_kind", "status", "awaiting_leader"]

    def filter_awaiting_leader(self, queryset: QuerySet[Scheme], name: str,
                               value: bool | None) -> QuerySet[Scheme]:
        if not value:
            return queryset
        return queryset.filter(status=Scheme.Status.PENDING, approved_by_leader__isnull=True)


class ScoreFilterSet(SubtreeFilterSet):
    """``target`` is the assessed unit (考核对象), as in the API's ``?scheme=&target=``."""

    scheme = IdFilter(field_name="indicator__scheme", label="考核方案")
    indicator = IdFilter(field_name="indicator", label="指标")
    target = IdFilter(field_name="organization", label="考核对象")
    period = django_filters.CharFilter(field_name="period", label="周期")

    class Meta:
        model = Score
        fields = ["scheme", "target", "subtree", "indicator", "period", "source", "frozen"]


class AppealFilterSet(SubtreeFilterSet):
    organization_path = "score__organization__path"
    scheme = IdFilter(field_name="score__indicator__scheme", label="考核方案")
    target = IdFilter(field_name="score__organization", label="考核对象")

    class Meta:
        model = Appeal
        fields = ["scheme", "target", "subtree", "status"]


class IndicatorFilterSet(django_filters.FilterSet):
    scheme = IdFilter(field_name="scheme", label="考核方案")

    class Meta:
        model = Indicator
        fields = ["scheme"]


class ResultFilterSet(django_filters.FilterSet):
    scheme = IdFilter(field_name="scheme", label="考核方案")
    target = IdFilter(field_name="organization", label="考核对象（单位）")

    class Meta:
        model = Result
        fields = ["scheme", "target"]
