"""Filters of the assessment's API lists (``?scheme=&target=``)."""

import django_filters

from dangjian.core.inputs import IdFilter, YearNumberFilter

from .models import Appeal, Indicator, Result, Scheme, Score


class SchemeFilterSet(django_filters.FilterSet):
    year = YearNumberFilter(label="年度")
    status = django_filters.ChoiceFilter(choices=Scheme.Status.choices, label="状态")

    class Meta:
        model = Scheme
        fields = ["year", "status"]


class IndicatorFilterSet(django_filters.FilterSet):
    scheme = IdFilter(field_name="scheme", label="考核方案")

    class Meta:
        model = Indicator
        fields = ["scheme"]


class ScoreFilterSet(django_filters.FilterSet):
    scheme = IdFilter(field_name="indicator__scheme", label="考核方案")
    target = IdFilter(field_name="organization", label="考核对象（单位）")
    indicator = IdFilter(field_name="indicator", label="指标")
    period = django_filters.CharFilter(field_name="period", max_length=10, label="周期")

    class Meta:
        model = Score
        fields = ["scheme", "target", "indicator", "period"]


class AppealFilterSet(django_filters.FilterSet):
    scheme = IdFilter(field_name="score__indicator__scheme", label="考核方案")
    status = django_filters.ChoiceFilter(choices=Appeal.Status.choices, label="状态")

    class Meta:
        model = Appeal
        fields = ["scheme", "status"]


class ResultFilterSet(django_filters.FilterSet):
    scheme = IdFilter(field_name="scheme", label="考核方案")
    target = IdFilter(field_name="organization", label="考核对象（单位）")

    class Meta:
        model = Result
        fields = ["scheme", "target"]
