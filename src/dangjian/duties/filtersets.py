"""The duties registers' filters: one FilterSet each for the list page, its export and the API
(the API's parameters — list, active, period; organization, person, year, holder — keep their
meaning)."""

from datetime import date
from typing import Any

import django_filters
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from dangjian.core.inputs import IdFilter, YearNumberFilter
from dangjian.orgs.filtersets import subtree_path

from .kinds import Holder, Period
from .models import Fulfilment, ResponsibilityItem, ResponsibilityList


class Done:
    """What the 履责记实 filter offers: recorded this year, not, or not this quarter."""

    YES = "yes"
    NO = "no"
    NOT_THIS_QUARTER = "no_quarter"
    CHOICES = [(YES, "本年度已记实"), (NO, "本年度未记实"),
               (NOT_THIS_QUARTER, "本季度未记实（按季、按月事项）")]


# Duties that owe a record every quarter or more often: "本季度未记实" is about them only.
QUARTERLY = (Period.QUARTER, Period.MONTH)


def quarter_start(today: date) -> date:
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def not_recorded_this_quarter(today: date) -> Q:
    """Active quarterly or monthly items of this year's lists with no record this quarter."""
    recorded = Fulfilment.objects.filter(item=OuterRef("pk"), done_on__gte=quarter_start(today))
    return (Q(active=True, list__year=today.year, period__in=QUARTERLY)
            & ~Q(Exists(recorded)))


class ResponsibilityItemFilterSet(django_filters.FilterSet):
    year = YearNumberFilter(field_name="list__year", label="年度")
    subtree = IdFilter(method="filter_subtree", label="党组织（含下级）")
    holder = django_filters.ChoiceFilter(field_name="list__holder", choices=Holder.choices,
                                         label="责任主体")
    person = IdFilter(field_name="list__person_id", label="责任人")
    q = django_filters.CharFilter(field_name="text", lookup_expr="contains", label="责任内容")
    done = django_filters.ChoiceFilter(choices=Done.CHOICES, method="filter_done",
                                       label="履责记实")
    mine = django_filters.BooleanFilter(method="filter_mine", label="只看我的清单")

    class Meta:
        model = ResponsibilityItem
        fields = ["list", "active", "period", "year", "subtree", "holder", "person", "q",
                  "done", "mine"]

    def filter_subtree(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(list__organization__path__startswith=subtree_path(value))

    def filter_done(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == Done.NOT_THIS_QUARTER:
            return queryset.filter(not_recorded_this_quarter(timezone.localdate()))
        in_year = Fulfilment.objects.filter(item=OuterRef("pk"),
                                            done_on__year=OuterRef("list__year"))
        return queryset.filter(Exists(in_year) if value == Done.YES else ~Exists(in_year))

    def filter_mine(self, queryset: QuerySet[Any], name: str, value: bool) -> QuerySet[Any]:
        """The user's own lists (whose 责任人 they are)."""
        if not value:
            return queryset
        person_id = getattr(getattr(self.request, "user", None), "person_id", None)
        return queryset.filter(list__person_id=person_id or 0)


class ResponsibilityListFilterSet(django_filters.FilterSet):
    subtree = IdFilter(method="filter_subtree", label="党组织（含下级）")

    class Meta:
        model = ResponsibilityList
        fields = ["year", "subtree", "holder", "organization", "person"]

    def filter_subtree(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(organization__path__startswith=subtree_path(value))
