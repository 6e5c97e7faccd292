"""One FilterSet per register, serving its page."""

import django_filters
from django.db.models import QuerySet
from django.utils import timezone

from dangjian.orgs.filtersets import SubtreeFilterSet

from .models import CatalogueItem, Disclosure, DisclosureRequest, Feedback


class CatalogueFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="content", lookup_expr="contains", label="公开内容")
    active = django_filters.BooleanFilter(label="启用")

    class Meta:
        model = CatalogueItem
        fields = ["subtree", "q", "year", "domain", "audience", "cadence", "organization",
                  "active"]


class DisclosureFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="contains", label="标题")

    class Meta:
        model = Disclosure
        fields = ["subtree", "q", "status", "domain", "audience", "organization"]


class FeedbackFilterSet(SubtreeFilterSet):
    organization_path = "disclosure__organization__path"
    answered = django_filters.BooleanFilter(field_name="answered_on", lookup_expr="isnull",
                                            exclude=True, label="已答复")
    overdue = django_filters.BooleanFilter(method="_overdue", label="逾期未答复")

    class Meta:
        model = Feedback
        fields = ["subtree", "answered", "overdue"]

    def _overdue(self, rows: QuerySet[Feedback], name: str, value: bool | None
                 ) -> QuerySet[Feedback]:
        if value is None:
            return rows
        late = {"answered_on__isnull": True, "answer_due__lt": timezone.localdate()}
        return rows.filter(**late) if value else rows.exclude(**late)


class RequestFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="content", lookup_expr="contains", label="申请内容")

    class Meta:
        model = DisclosureRequest
        fields = ["subtree", "q", "decision", "organization"]
