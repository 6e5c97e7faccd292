import django_filters

from dangjian.core.inputs import IdFilter, YearFilter
from dangjian.orgs.filtersets import SubtreeFilterSet

from .models import Meeting, MeetingKind


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
