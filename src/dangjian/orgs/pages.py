"""The organisation register's list and detail pages (组织), on the core page kernel."""

from typing import Any

from django.db.models import QuerySet

from dangjian.access.scoping import restrict
from dangjian.core.detail import RecordDetailView, Section
from dangjian.core.lists import RegisterListView
from dangjian.people.models import Charge, PartyStatus, Person, Post
from dangjian.people.tables import ChargeTable, PersonTable, PostTable

from .filtersets import OrganizationFilterSet
from .models import Organization
from .tables import OrganizationTable

# 党员: full and probationary members (a count, so it covers persons the viewer does not list).
MEMBER_STATUSES = (PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY)


class OrganizationList(RegisterListView):
    model = Organization
    filterset_class = OrganizationFilterSet
    table_class = OrganizationTable
    title = "组织"
    export_name = "组织名录"
    status_field = "kind"  # counts by kind of organisation
    organization_filters = ("subtree",)

    def rows(self) -> QuerySet[Organization]:
        return restrict(Organization.objects.select_related("parent"),
                        self.request.user).order_by("path")

    def filterset(self, data: Any) -> Any:
        filterset = super().filterset(data)
        filterset.form.fields.pop("parent")  # the API's id filter; the page has 下级（含本级）
        return filterset


class OrganizationDetail(RecordDetailView):
    model = Organization
    fields = ("name", "kind", "code", "founded_on", "parent")
    list_url = "orgs:organization_list"

    def sections(self) -> list[Section]:
        org: Organization = self.object
        user = self.request.user
        children = restrict(Organization.objects.filter(parent=org).select_related("parent"),
                            user).order_by("path")
        charges = Charge.objects.current().filter(organization=org).select_related(
            "leader", "organization").order_by("start_on")
        posts = Post.objects.current().filter(organization=org).select_related(
            "person", "organization").order_by("title", "person__name")
        return [
            Section("下级组织", OrganizationTable(children, orderable=False)),
            Section("分管领导", ChargeTable(charges, orderable=False)),
            Section("职务", PostTable(posts, orderable=False)),
            Section("人员", PersonTable(self.persons(), orderable=False)),
        ]

    def persons(self) -> QuerySet[Person]:
        """The persons of this organisation the viewer may see (a member: only themself)."""
        return restrict(Person.objects.filter(organization=self.object)
                        .select_related("organization"), self.request.user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        members = Person.objects.filter(organization=self.object,
                                        party_status__in=MEMBER_STATUSES).count()
        context["rows"].append(("党员数", str(members)))
        return context
