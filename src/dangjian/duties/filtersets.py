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

from .kinds import Holder, Period, State
from .models import Fulfilment, ResponsibilityItem, ResponsibilityList
from .selectors import item_states


class Done:
    """What the 履责记实 filter offers. "Owed" is about the duties recorded by hand (the platform
    proves the others itself, ``ResponsibilityItem.provider``) that recur on a cadence."""

    YES = "yes"
    NO = "no"
    OWED_THIS_YEAR = "owed"
    OWED_THIS_QUARTER = "owed_quarter"
    CHOICES = [(YES, "本年度已记实"), (NO, "本年度未记实"),
               (OWED_THIS_YEAR, "需手工记实、本年度尚无记实"),
               (OWED_THIS_QUARTER, "需手工记实的按季按月事项、本季度尚无记实")]


QUARTERLY = (Period.QUARTER, Period.MONTH)


def quarter_start(today: date) -> date:
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def _owed(today: date, since: date, periods: Any) -> Q:
    recorded = Fulfilment.objects.filter(item=OuterRef("pk"), done_on__gte=since)
    return (Q(active=True, provider="", list__year=today.year, period__in=periods)
            & ~Q(Exists(recorded)))


def owed_this_year(today: date) -> Q:
    """Active hand-recorded items of this year's lists, on a cadence, with no record yet."""
    periods = [p for p in Period.values if p != Period.ONGOING]
    return _owed(today, date(today.year, 1, 1), periods)


def owed_this_quarter(today: date) -> Q:
    """Active hand-recorded quarterly or monthly items with no record this quarter."""
    return _owed(today, quarter_start(today), QUARTERLY)


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
    state = django_filters.ChoiceFilter(choices=State.choices, method="filter_state",
                                        label="完成情况")

    class Meta:
        model = ResponsibilityItem
        # ``state`` last: it evaluates the items the other filters leave.
        fields = ["list", "active", "period", "year", "subtree", "holder", "person", "q",
                  "done", "mine", "state"]

    def filter_subtree(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(list__organization__path__startswith=subtree_path(value))

    def filter_done(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        if value == Done.OWED_THIS_YEAR:
            return queryset.filter(owed_this_year(timezone.localdate()))
        if value == Done.OWED_THIS_QUARTER:
            return queryset.filter(owed_this_quarter(timezone.localdate()))
        in_year = Fulfilment.objects.filter(item=OuterRef("pk"),
                                            done_on__year=OuterRef("list__year"))
        return queryset.filter(Exists(in_year) if value == Done.YES else ~Exists(in_year))

    def filter_state(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        """Active items whose progress in their list's year is ``value`` (已完成/待完成/逾期/
        无事项), evaluated as the list page shows it (``selectors.item_states``)."""
        user = getattr(self.request, "user", None)
        states = item_states(queryset, user)
        return queryset.filter(pk__in=[pk for pk, (_, state) in states.items() if state == value])

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
