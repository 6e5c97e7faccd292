"""One filter set per list, serving the pages and the API alike."""

from datetime import timedelta
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils import timezone

from dangjian.core.inputs import IdFilter, YearFilter
from dangjian.orgs.filtersets import subtree_path

from . import rules
from .models import Candidate, StudyKind, StudyRecord, Visit, VisitCampaign, VisitKind
from .services.due import next_due

STATUS_CHOICES = [(s, s) for s in rules.STATUSES]
STAGE_CHOICES = [(s.value, s.value) for s in rules.Stage]
OVERDUE, THIS_WEEK = "overdue", "week"
DUE_CHOICES = [(OVERDUE, "已逾期"), (THIS_WEEK, "7日内到期")]


class CandidateFilterSet(django_filters.FilterSet):
    subtree = IdFilter(method="filter_subtree", label="党支部（含下级）")
    organization = IdFilter(field_name="organization_id", label="党支部")
    person = IdFilter(field_name="person_id", label="人员")
    name = django_filters.CharFilter(field_name="person__name", lookup_expr="contains",
                                     label="姓名")
    status = django_filters.ChoiceFilter(choices=STATUS_CHOICES, method="filter_status",
                                         label="政治面貌")
    stage = django_filters.ChoiceFilter(choices=STAGE_CHOICES, method="filter_stage",
                                        label="阶段")
    open = django_filters.BooleanFilter(field_name="closed_on", lookup_expr="isnull",
                                        label="未终止")
    due = django_filters.ChoiceFilter(choices=DUE_CHOICES, method="filter_due",
                                      label="下一步期限")
    due_within = django_filters.NumberFilter(method="filter_due_within", min_value=0,
                                             max_value=366, label="期限在几日内")
    probation_within = django_filters.NumberFilter(method="filter_probation_within",
                                                   min_value=0, max_value=366,
                                                   label="预备期几日内期满")

    class Meta:
        model = Candidate
        fields = ["subtree", "organization", "person", "name", "status", "stage", "open", "due",
                  "due_within", "probation_within"]

    def filter_due(self, queryset: QuerySet[Candidate], name: str, value: str
                   ) -> QuerySet[Candidate]:
        if value == OVERDUE:
            return _by_due(queryset, lambda item, today: item.overdue)
        return _by_due(queryset, lambda item, today: not item.overdue and item.due is not None
                       and item.due <= today + timedelta(days=7))

    def filter_due_within(self, queryset: QuerySet[Candidate], name: str, value: int
                          ) -> QuerySet[Candidate]:
        return _by_due(queryset, lambda item, today: item.due is not None
                       and item.due <= today + timedelta(days=int(value)))

    def filter_probation_within(self, queryset: QuerySet[Candidate], name: str, value: int
                                ) -> QuerySet[Candidate]:
        today = timezone.localdate()
        return queryset.filter(
            closed_on__isnull=True, probation_ends_on__gte=today,
            probation_ends_on__lte=today + timedelta(days=int(value)),
            current_step__lt=rules.FULL_MEMBERSHIP_MEETING)

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


def _by_due(queryset: QuerySet[Candidate], wanted: Any) -> QuerySet[Candidate]:
    """Open records with an item due that ``wanted(item, today)`` accepts. The deadlines come
    from the rules and the working-day calendar (``services.due``), not a column: computed here
    for the open records of the filtered rows (a county has hundreds, not millions)."""
    today = timezone.localdate()
    open_ = queryset.filter(closed_on__isnull=True).exclude(current_step=rules.LAST_STEP)
    keep = [c.pk for c in open_.prefetch_related("steps")
            if any(wanted(item, today) for item in next_due(c, today))]
    return queryset.filter(pk__in=keep)

class StudyRecordFilterSet(django_filters.FilterSet):
    subtree = IdFilter(method="filter_subtree", label="组织（含下级）")
    organization = IdFilter(field_name="organization_id", label="组织")
    person = IdFilter(field_name="person_id", label="党员")
    kind = django_filters.ChoiceFilter(choices=StudyKind.choices, label="类型")
    year = YearFilter("date", label="年度")

    class Meta:
        model = StudyRecord
        fields = ["subtree", "organization", "person", "kind", "year"]

    def filter_subtree(self, queryset: QuerySet[StudyRecord], name: str, value: int
                       ) -> QuerySet[StudyRecord]:
        return queryset.filter(organization__path__startswith=subtree_path(value))


class VisitFilterSet(django_filters.FilterSet):
    subtree = IdFilter(method="filter_subtree", label="组织（含下级）")
    person = IdFilter(field_name="person_id", label="慰问对象")
    kind = django_filters.ChoiceFilter(choices=VisitKind.choices, label="对象类别")
    campaign = django_filters.ChoiceFilter(choices=VisitCampaign.choices, label="慰问活动")
    year = YearFilter("date", label="年度")

    class Meta:
        model = Visit
        fields = ["subtree", "person", "kind", "campaign", "year"]

    def filter_subtree(self, queryset: QuerySet[Visit], name: str, value: int
                       ) -> QuerySet[Visit]:
        return queryset.filter(organization__path__startswith=subtree_path(value))
