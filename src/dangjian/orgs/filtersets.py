from typing import Any

import django_filters
from django.db.models import QuerySet

from dangjian.core.inputs import IdFilter

from .models import Organization, OrgKind


class OrganizationFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=OrgKind.choices)
    parent = IdFilter(field_name="parent_id")
    name = django_filters.CharFilter(lookup_expr="icontains", label="名称")
    subtree = IdFilter(method="filter_subtree", label="下级（含本级）")

    class Meta:
        model = Organization
        fields = ["kind", "parent", "name", "subtree"]

    def filter_subtree(
        self, queryset: QuerySet[Organization], name: str, value: int
    ) -> QuerySet[Organization]:
        return queryset.filter(path__startswith=subtree_path(value))


def subtree_path(org_id: int) -> str:
    """The path prefix of ``org_id``'s subtree; an unknown id matches nothing."""
    path = Organization.objects.filter(pk=org_id).values_list("path", flat=True).first()
    # No path holds "-" (treebeard's alphabet is 0-9A-Z); a NUL byte would be a 500 on
    # PostgreSQL, which refuses it in text.
    return path or "-no-such-organisation"


class SubtreeFilterSet(django_filters.FilterSet):
    """A register whose rows hang under an organisation: ``subtree`` is that organisation and
    everything below it. ``organization_path`` names the row's path field."""

    organization_path = "organization__path"
    subtree = IdFilter(method="filter_subtree", label="单位（含下级）")

    def filter_subtree(self, queryset: QuerySet[Any], name: str, value: int) -> QuerySet[Any]:
        return queryset.filter(**{f"{self.organization_path}__startswith": subtree_path(value)})
