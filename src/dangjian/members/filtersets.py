"""One filter set per list, serving the pages and the API alike."""

import django_filters
from django.db.models import QuerySet

from dangjian.core.inputs import IdFilter, YearFilter
from dangjian.orgs.filtersets import subtree_path

from . import rules
from .models import Candidate, StudyKind, StudyRecord, Visit, VisitCampaign, VisitKind

STATUS_CHOICES = [(s, s) for s in rules.STATUSES]
STAGE_CHOICES = [(s.value, s.value) for s in rules.Stage]


class CandidateFilterSet(django_filters.FilterSet):
    organization = IdFilter(field_name="organization_id")
    subtree = IdFilter(method="filter_subtree", label="组织及其下级")
    person = IdFilter(field_name="person_id")
    name = django_filters.CharFilter(field_name="person__name", lookup_expr="contains")
    status = django_filters.ChoiceFilter(choices=STATUS_CHOICES, method="filter_status")
    stage = django_filters.ChoiceFilter(choices=STAGE_CHOICES, method="filter_stage")
    open = django_filters.BooleanFilter(field_name="closed_on", lookup_expr="isnull",
                                        label="未终止")

    class Meta:
        model = Candidate
        fields = ["organization", "subtree", "person", "name", "status", "stage", "open"]

    def filter_subtree(self, queryset: QuerySet[Candidate], name: str, value: int
                       ) -> QuerySet[Candidate]:
        return queryset.filter(organization__path__startswith=subtree_path(value))

    def filter_status(self, queryset: QuerySet[Candidate], name: str, value: str
                      ) -> QuerySet[Candidate]:
        return queryset.filter(current_step__in=rules.steps_with_status(value),
                               closed_on__isnull=True)

    def filter_stage(self, queryset: QuerySet[Candidate], name: str, value: str
                     ) -> QuerySet[Candidate]:
        return queryset.filter(current_step__in=rules.steps_in_stage(value))


class StudyRecordFilterSet(django_filters.FilterSet):
    organization = IdFilter(field_name="organization_id")
    person = IdFilter(field_name="person_id")
    kind = django_filters.ChoiceFilter(choices=StudyKind.choices)
    year = YearFilter("date")

    class Meta:
        model = StudyRecord
        fields = ["organization", "person", "kind", "year"]


class VisitFilterSet(django_filters.FilterSet):
    person = IdFilter(field_name="person_id")
    kind = django_filters.ChoiceFilter(choices=VisitKind.choices)
    campaign = django_filters.ChoiceFilter(choices=VisitCampaign.choices)
    year = YearFilter("date")

    class Meta:
        model = Visit
        fields = ["person", "kind", "campaign", "year"]
