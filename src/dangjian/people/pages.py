"""The persons register's pages (人员): list, detail with masked personal data, the audited
unmask (查看完整个人信息) for holders of the permission, and the forms of who maintains the
unit's roster: 新增人员 and the facts (学历, 一线或关键岗位, 生活困难)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from dangjian.access.actor import actor_of
from dangjian.access.org_permissions import organizations_for_entry
from dangjian.access.scoping import restrict
from dangjian.core.action_page import Button, Input, page_or_action, render_action
from dangjian.core.actions import action, drafts, scoped
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.forms import Inputs
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can, require
from dangjian.orgs.models import Organization
from dangjian.orgs.pages import entry_choices, named_in_query, refusal_to_add

from . import services
from .filtersets import PersonFilterSet
from .models import Charge, Education, PartyStatus, Person, Post
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

    new_label = "新增人员"

    def new_link(self) -> str | None:
        """Offered to who may register persons in one of their organisations."""
        if organizations_for_entry(self.request.user).exists():
            return reverse("people:person-new")
        return None

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
        actions = []
        if can(self.request.user, "people.edit_facts", self.object):
            actions.append(Action("修改学历等信息",
                                  reverse("people:person_facts", args=[self.object.pk])))
        if self.request.user.has_perm(services.UNMASK_PERMISSION):
            actions.append(Action("查看完整个人信息",
                                  reverse("people:person_unmask", args=[self.object.pk]),
                                  style="secondary"))
        return actions


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


FACTS_FIELDS = {"education": "学历", "front_line": "一线或关键岗位", "in_hardship": "生活困难"}
YES_NO = {"是": True, "否": False}


def _yes_no(value: bool) -> str:
    return "是" if value else "否"


@action("facts-{pk}", back="people:person_facts", back_kwargs=("pk",), labels=FACTS_FIELDS)
def _facts(request: HttpRequest, pk: int) -> tuple[str, str]:
    person = scoped(Person, request, pk)
    inputs = Inputs(request, FACTS_FIELDS)
    education = inputs.text("education", required=False)
    # 是/否 as the form offers them; anything else goes on as typed, for the service's message
    flags = {name: YES_NO.get(inputs.text(name), inputs.text(name))
             for name in ("front_line", "in_hardship")}
    inputs.check()
    before = (person.education, person.front_line, person.in_hardship)
    person = services.person_facts_update(actor=actor_of(request), person=person,
                                          education=education, **flags)
    changed = before != (person.education, person.front_line, person.in_hardship)
    return (f"{person.name}的学历等信息已保存" if changed else "信息未变化，无需保存",
            reverse("people:person_detail", args=[pk]))


@login_required
def person_facts_page(request: HttpRequest, pk: int) -> HttpResponse:
    """修改学历等信息: GET the form with the recorded values, POST records them."""
    if request.method == "POST":
        return _facts(request, pk=pk)
    person = scoped(Person, request, pk)
    require(request.user, "people.edit_facts", person)
    draft = drafts(request).get(f"facts-{pk}")
    values = draft or {"education": person.education, "front_line": _yes_no(person.front_line),
                       "in_hardship": _yes_no(person.in_hardship)}
    return render(request, "people/facts.html", {
        "person": person, "values": values, "drafted": bool(draft),
        "educations": Education.values, "title": str(person)})


NEW_FIELDS = {"name": "姓名", "id_number": "身份证号", "organization": "所在组织",
              "party_status": "政治面貌", "phone": "手机号", "joined_party_on": "入党时间"}
NAME_MAX = 50  # the model's (and the API's) length


def _person_new_page(request: HttpRequest) -> HttpResponse:
    orgs = organizations_for_entry(request.user)
    org = named_in_query(request, "organization")
    refusal = refusal_to_add(request, "people.create", org, orgs)
    return render_action(
        request, title="新增人员", draft_key="person", refusal=refusal,
        back_url=(reverse("orgs:organization_detail", args=[org.pk]) if org
                  else reverse("people:person_list")), inputs=[
            Input("name", "姓名", help=f"不超过{NAME_MAX}个字"),
            Input("id_number", "身份证号", help="18位；性别和出生日期由身份证号得出。"
                                                "保存后只显示部分号码"),
            Input("organization", "所在组织", "select", [("", "请选择"), *entry_choices(orgs)],
                  value=str(org.pk) if org else "", picker="organizations"),
            Input("party_status", "政治面貌", "select", list(PartyStatus.choices),
                  value=PartyStatus.MASSES),
            Input("phone", "手机号（可选）", required=False, help="保存后只显示部分号码"),
            Input("joined_party_on", "入党时间（可选）", "date", required=False),
        ], buttons=[Button("保存")])


@action("person", back="people:person-new", labels=NEW_FIELDS)
def _person_new(request: HttpRequest) -> tuple[str, str]:
    """ID number and phone are checked by the service; no message repeats what was typed."""
    inputs = Inputs(request, NEW_FIELDS)
    name, id_number = inputs.text("name"), inputs.text("id_number")
    if len(name) > NAME_MAX:
        inputs.refuse("name", f"姓名不能超过{NAME_MAX}个字")
    org = inputs.picked(Organization, "organization")
    party_status = inputs.text("party_status")
    if party_status and party_status not in PartyStatus.values:
        inputs.refuse("party_status", "请选择政治面貌")
    phone = inputs.text("phone", required=False)
    joined_party_on = inputs.date("joined_party_on", required=False)
    inputs.check()
    require(request.user, "people.create", org)
    person = services.person_create(
        actor=actor_of(request), name=name, id_number=id_number, organization=org,
        party_status=party_status, phone=phone, joined_party_on=joined_party_on)
    return f"已新增人员：{person.name}", reverse("people:person_detail", args=[person.pk])


person_new = page_or_action(_person_new_page, _person_new)
