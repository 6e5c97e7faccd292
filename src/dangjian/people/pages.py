"""The persons register's pages (人员): list, detail with masked personal data, and the
audited unmask (查看完整个人信息) for holders of the permission."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.actions import scoped
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.lists import RegisterListView

from . import services
from .filtersets import PersonFilterSet
from .models import Charge, Person, Post
from .tables import ChargeTable, PersonTable, PostTable


class PersonList(RegisterListView):
    model = Person
    filterset_class = PersonFilterSet
    table_class = PersonTable
    title = "人员"
    export_name = "人员名册"
    status_field = "party_status"  # counts by 政治面貌
    organization_filters = ("organization", "subtree")

    def rows(self) -> QuerySet[Person]:
        return restrict(Person.objects.select_related("organization"),
                        self.request.user).order_by("name", "id")

    def filterset(self, data: Any) -> Any:
        filterset = super().filterset(data)
        # ``kind`` and ``parent`` are the API's older names of 政治面貌 and 所在组织: kept there,
        # not offered twice on the page.
        for name in ("kind", "parent"):
            filterset.form.fields.pop(name, None)
        return filterset


class PersonDetail(RecordDetailView):
    model = Person
    fields = ("name", "gender", "birth_date", "party_status", "joined_party_on",
              "organization", "id_number_masked", "phone_masked", "education", "front_line",
              "in_hardship")
    list_url = "people:person_list"

    def sections(self) -> list[Section]:
        person: Person = self.object
        posts = Post.objects.filter(person=person).select_related("person", "organization")
        charges = Charge.objects.filter(leader=person).select_related("leader", "organization")
        return [Section("职务", PostTable(posts.order_by("-start_on"), orderable=False)),
                Section("分管单位", ChargeTable(charges.order_by("-start_on"), orderable=False))]

    def actions(self) -> list[Action]:
        if not self.request.user.has_perm(services.UNMASK_PERMISSION):
            return []
        return [Action("查看完整个人信息", reverse("people:person_unmask", args=[self.object.pk]),
                       style="secondary")]


@method_decorator(never_cache, name="dispatch")
class PersonUnmask(RecordDetailView):
    """GET asks to confirm (the look is recorded); POST shows the full values once."""

    model = Person
    template_name = "people/unmask.html"
    fields = ("name", "organization")
    list_url = "people:person_list"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(services.UNMASK_PERMISSION):
            raise PermissionDenied("您没有查看完整个人信息的权限")
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        person = scoped(Person, request, pk)
        unmasked = services.person_unmask(actor=actor_of(request), person=person)
        return render(request, "people/unmask.html", {
            "person": person, "unmasked": unmasked, "title": str(person)})
