"""One FilterSet per register, serving its page."""

import django_filters

from dangjian.orgs.filtersets import SubtreeFilterSet

from .models import CatalogueItem, Disclosure, DisclosureRequest, Feedback


class CatalogueFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="content", lookup_expr="contains", label="公开内容")

    class Meta:
        model = CatalogueItem
        fields = ["subtree", "q", "year", "domain", "audience", "cadence", "organization"]


class DisclosureFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="title", lookup_expr="contains", label="标题")

    class Meta:
        model = Disclosure
        fields = ["subtree", "q", "status", "domain", "audience", "organization"]


class FeedbackFilterSet(SubtreeFilterSet):
    organization_path = "disclosure__organization__path"
    answered = django_filters.BooleanFilter(field_name="answered_on", lookup_expr="isnull",
                                            exclude=True, label="已答复")

    class Meta:
        model = Feedback
        fields = ["subtree", "answered"]


class RequestFilterSet(SubtreeFilterSet):
    q = django_filters.CharFilter(field_name="content", lookup_expr="contains", label="申请内容")

    class Meta:
        model = DisclosureRequest
        fields = ["subtree", "q", "decision", "organization"]
