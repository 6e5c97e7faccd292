"""The oversight registers' filters: one FilterSet each, used by the list page, its export and
the API (the API's original parameters — organization, status, … — keep their meaning)."""

from datetime import date
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from dangjian.core.inputs import IdFilter, YearNumberFilter
from dangjian.orgs.filtersets import SubtreeFilterSet

from .models import (
    Accountability,
    Campaign,
    Finding,
    Inspection,
    Measure,
    MeasureStatus,
    Notice,
    NoticeStatus,
    RiskPoint,
    SelfCheck,
    Term,
    TermKind,
)
from .models.findings import FindingStatus
from .services.lights import GREEN, LABELS, RED, YELLOW, cutoffs

YES = [("1", "是")]
# A notice waits for its reply once issued, until replied (or closed).
AWAITING_REPLY = (NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED)


def _terms(kind: str) -> Any:
    return lambda request: Term.objects.filter(kind=kind)


class FindingFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="description", lookup_expr="contains",
                                  label="问题描述")
    source = django_filters.ModelChoiceFilter(queryset=_terms(TermKind.SOURCE), label="问题来源")
    category = django_filters.ModelChoiceFilter(queryset=_terms(TermKind.CATEGORY),
                                                label="问题类别")
    discovered_from = django_filters.DateFilter(field_name="discovered_on", lookup_expr="gte",
                                                label="发现日期起")
    discovered_to = django_filters.DateFilter(field_name="discovered_on", lookup_expr="lte",
                                              label="发现日期止")
    open = django_filters.ChoiceFilter(choices=YES, method="filter_open", label="未销号")
    light = django_filters.ChoiceFilter(choices=list(LABELS.items()), method="filter_light",
                                        label="亮灯（最早未销号措施）")
    unassigned = django_filters.ChoiceFilter(choices=YES, method="filter_unassigned",
                                             label="未定分管领导")
    repeat = django_filters.ChoiceFilter(choices=YES, method="filter_repeat",
                                         label="屡查屡犯")
    recheck_due = django_filters.ChoiceFilter(choices=YES, method="filter_recheck_due",
                                              label="待回头看")
    inspection = IdFilter(field_name="inspection_id", label="督导检查")
    campaign = IdFilter(field_name="campaign_id", label="专项整治")

    class Meta:
        model = Finding
        fields = ["subtree", "q", "source", "category", "status", "discovered_from",
                  "discovered_to", "organization", "responsible_leader", "open", "light",
                  "unassigned", "repeat", "recheck_due", "inspection", "campaign"]

    def filter_open(self, queryset: QuerySet[Finding], name: str, value: str) -> QuerySet[Any]:
        return queryset.exclude(status__in=[FindingStatus.CLOSED, FindingStatus.WITHDRAWN])

    def filter_light(self, queryset: QuerySet[Finding], name: str, value: str) -> QuerySet[Any]:
        """By the earliest open measure's deadline (``earliest_open_due``, annotated by the
        page's and the API's querysets); a finding without an open measure is green."""
        cut = cutoffs()
        if value == RED:
            return queryset.filter(Q(earliest_open_due__lt=cut.today))
        if value == YELLOW:
            return queryset.filter(Q(earliest_open_due__gte=cut.today)
                                   & Q(earliest_open_due__lte=cut.yellow_until))
        return queryset.filter(Q(earliest_open_due__isnull=True)
                               | Q(earliest_open_due__gt=cut.yellow_until))

    def filter_unassigned(self, queryset: QuerySet[Finding], name: str, value: str
                          ) -> QuerySet[Any]:
        return queryset.filter(responsible_leader__isnull=True)

    def filter_repeat(self, queryset: QuerySet[Finding], name: str, value: str
                      ) -> QuerySet[Any]:
        """屡查屡犯: findings registered as a repeat of an earlier one."""
        return queryset.filter(repeat_of__isnull=False)

    def filter_recheck_due(self, queryset: QuerySet[Finding], name: str, value: str
                           ) -> QuerySet[Any]:
        """回头看 due: closed, its day come, not yet rechecked (``services.rechecks``)."""
        return queryset.filter(status=FindingStatus.CLOSED, recheck_on__lte=timezone.localdate(),
                               recheck__isnull=True)


class NoticeFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="contains", label="标题")
    year = YearNumberFilter(label="年度")
    mine = django_filters.BooleanFilter(method="filter_mine", label="致本人",
                                        widget=forms.CheckboxInput)
    overdue = django_filters.ChoiceFilter(choices=YES, method="filter_overdue",
                                          label="逾期未回复")

    class Meta:
        model = Notice
        fields = ["subtree", "q", "year", "status", "recipient", "mine", "overdue"]

    def filter_overdue(self, queryset: QuerySet[Notice], name: str, value: str
                       ) -> QuerySet[Any]:
        """Issued notices past ``reply_due`` and not yet answered."""
        return queryset.filter(status__in=AWAITING_REPLY, reply_due__lt=cutoffs().today)

    def filter_mine(self, queryset: QuerySet[Notice], name: str, value: bool) -> QuerySet[Any]:
        """The notices addressed to the signed-in leader (待签收, 待回复 on the workbench)."""
        if not value:
            return queryset
        person = getattr(getattr(self.request, "user", None), "person_id", None)
        return queryset.filter(recipient_id=person) if person else queryset.none()


class MeasureFilterSet(SubtreeFilterSet):
    organization_path = "finding__organization__path"
    q = django_filters.CharFilter(field_name="description", lookup_expr="contains",
                                  label="整改措施")
    light = django_filters.ChoiceFilter(choices=list(LABELS.items()), method="filter_light",
                                        label="亮灯")
    due_from = django_filters.DateFilter(field_name="due_on", lookup_expr="gte",
                                         label="完成时限起")
    due_to = django_filters.DateFilter(field_name="due_on", lookup_expr="lte", label="完成时限止")
    open = django_filters.BooleanFilter(method="filter_open", label="未销号",
                                        widget=forms.CheckboxInput)
    organization = IdFilter(field_name="finding__organization_id", label="问题单位")

    class Meta:
        model = Measure
        fields = ["subtree", "q", "status", "light", "due_from", "due_to", "open", "finding",
                  "owner", "organization"]

    def filter_open(self, queryset: QuerySet[Measure], name: str, value: bool) -> QuerySet[Any]:
        return queryset.exclude(status=MeasureStatus.CLOSED) if value else queryset

    def filter_light(self, queryset: QuerySet[Measure], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(light_condition(value, cutoffs().today, cutoffs().yellow_until))


def light_condition(light: str, today: date, yellow_until: date) -> Q:
    """Open measures of one light (a closed measure has none), as ``LightCutoffs.light``."""
    open_ = ~Q(status=MeasureStatus.CLOSED)
    if light == RED:
        return open_ & Q(due_on__lt=today)
    if light == YELLOW:
        return open_ & Q(due_on__gte=today, due_on__lte=yellow_until)
    assert light == GREEN
    return open_ & Q(due_on__gt=yellow_until)


class RiskPointFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="risk", lookup_expr="contains", label="风险描述")
    area = django_filters.ModelChoiceFilter(queryset=_terms(TermKind.RISK_AREA),
                                            label="风险领域")

    class Meta:
        model = RiskPoint
        fields = ["subtree", "q", "area", "level", "organization"]


class SelfCheckFilterSet(SubtreeFilterSet):
    """举一反三 self-checks; ``answered=0`` are those still waiting for the unit's answer."""

    q = django_filters.CharFilter(field_name="origin__description", lookup_expr="contains",
                                  label="源问题")
    answered = django_filters.BooleanFilter(field_name="answer", method="filter_answered",
                                            label="已反馈")

    class Meta:
        model = SelfCheck
        fields = ["subtree", "q", "answered", "answer", "organization", "origin"]

    def filter_answered(self, queryset: QuerySet[SelfCheck], name: str, value: bool
                        ) -> QuerySet[Any]:
        return queryset.exclude(answer="") if value else queryset.filter(answer="")


class AccountabilityFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="reason", lookup_expr="contains", label="事由")

    class Meta:
        model = Accountability
        fields = ["subtree", "q", "status", "form", "four_forms", "organization"]


class InspectionFilterSet(SubtreeFilterSet):
    """督导检查; ``target`` is one inspected unit (its subtree's inspections)."""

    q = django_filters.CharFilter(field_name="report", lookup_expr="contains", label="检查报告")
    organizer = IdFilter(field_name="organizer_id", label="分管领导")
    target = IdFilter(field_name="targets", label="被检查单位")
    inspected_from = django_filters.DateFilter(field_name="inspected_on", lookup_expr="gte",
                                               label="检查日期起")
    inspected_to = django_filters.DateFilter(field_name="inspected_on", lookup_expr="lte",
                                             label="检查日期止")

    class Meta:
        model = Inspection
        fields = ["subtree", "q", "organizer", "target", "inspected_from", "inspected_to"]


class CampaignFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="name", lookup_expr="contains", label="名称")
    active_on = django_filters.DateFilter(method="filter_active_on", label="进行中（日期）")

    class Meta:
        model = Campaign
        fields = ["subtree", "q", "active_on"]

    def filter_active_on(self, queryset: QuerySet[Campaign], name: str, value: date
                         ) -> QuerySet[Campaign]:
        return queryset.filter(starts_on__lte=value, ends_on__gte=value)
