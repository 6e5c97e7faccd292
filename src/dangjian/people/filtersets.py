import django_filters
from django.db.models import QuerySet

from dangjian.core.inputs import IdFilter
from dangjian.orgs.filtersets import subtree_path
from dangjian.orgs.models import OrgKind

from .models import PartyStatus, Person


class PersonFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(field_name="party_status", choices=PartyStatus.choices)
    party_status = django_filters.ChoiceFilter(choices=PartyStatus.choices)
    parent = IdFilter(field_name="organization_id")
    organization = IdFilter(field_name="organization_id")
    organization_kind = django_filters.ChoiceFilter(
        field_name="organization__kind", choices=OrgKind.choices, label="组织类型"
    )
    name = django_filters.CharFilter(lookup_expr="contains", label="姓名")
    subtree = IdFilter(method="filter_subtree", label="组织及其下级")

    class Meta:
        model = Person
        fields = ["kind", "party_status", "parent", "organization", "name", "subtree"]

    def filter_subtree(self, queryset: QuerySet[Person], name: str, value: int) -> QuerySet[Person]:
        return queryset.filter(organization__path__startswith=subtree_path(value))
