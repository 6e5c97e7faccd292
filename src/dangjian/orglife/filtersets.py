import django_filters
from django import forms
from django.db.models import Q, QuerySet

from dangjian.core.inputs import YEARS, IdFilter, YearFilter
from dangjian.orgs.filtersets import SubtreeFilterSet

from .models import HeartTalk, LifeMeeting, LifeMeetingStage, Meeting, MeetingKind, TalkKind


class YearNumberFilter(django_filters.NumberFilter):
    """A year kept as a number (not a date), within ``YEARS``."""

    field_class = forms.IntegerField

    def __init__(self, **kwargs: object) -> None:
        super().__init__(min_value=YEARS[0], max_value=YEARS[1], **kwargs)


class MeetingFilterSet(SubtreeFilterSet):
    """One filter for the list page, its export and the API: organisation, subtree, kind,
    year, date range."""

    subtree = IdFilter(method="filter_subtree", label="组织（含下级）")
    organization = IdFilter(field_name="organization_id", label="组织")
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label="会议类型")
    year = YearFilter("held_on", label="年度")
    held_from = django_filters.DateFilter(field_name="held_on", lookup_expr="gte",
                                          label="会议日期起")
    held_to = django_filters.DateFilter(field_name="held_on", lookup_expr="lte",
                                        label="会议日期止")

    class Meta:
        model = Meeting
        fields = ["subtree", "organization", "kind", "year", "held_from", "held_to"]


class HeartTalkFilterSet(SubtreeFilterSet):
    """谈心谈话: organisation, subtree, year, kind, a person (either side)."""

    subtree = IdFilter(method="filter_subtree", label="组织（含下级）")
    organization = IdFilter(field_name="organization_id", label="组织")
    year = YearNumberFilter(field_name="year", label="年度")
    kind = django_filters.ChoiceFilter(choices=TalkKind.choices, label="类型")
    person = IdFilter(method="filter_person", label="人员（谈话任一方）")

    class Meta:
        model = HeartTalk
        fields = ["subtree", "organization", "year", "kind", "person"]

    def filter_person(self, queryset: QuerySet[HeartTalk], name: str, value: int
                      ) -> QuerySet[HeartTalk]:
        return queryset.filter(Q(talker_id=value) | Q(talkee_id=value))


class LifeMeetingFilterSet(SubtreeFilterSet):
    """民主生活会: organisation, subtree, year, stage."""

    subtree = IdFilter(method="filter_subtree", label="组织（含下级）")
    organization = IdFilter(field_name="organization_id", label="领导班子")
    year = YearNumberFilter(field_name="year", label="年度")
    stage = django_filters.ChoiceFilter(choices=LifeMeetingStage.choices, label="阶段")

    class Meta:
        model = LifeMeeting
        fields = ["subtree", "organization", "year", "stage"]
