"""The organisation register's list and detail pages (组织), on the core page kernel, and the
pages a unit's clerk or secretary keeps its part of the tree with (新建下级组织, 修改, 撤销;
``core/action.html``, POST through ``core.actions.action``). They ask the API's rule
(``orgs.maintain``, ``access.org_permissions``) and give its refusals."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.access.org_permissions import organizations_for_entry
from dangjian.access.scoping import restrict
from dangjian.core.action_page import Button, Input, page_or_action, refusal_of, render_action
from dangjian.core.actions import action, scoped
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.forms import Inputs
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can, require, rule_for
from dangjian.core.scoped_ids import OUT_OF_SCOPE, scoped_object
from dangjian.people.models import Charge, PartyStatus, Person, Post
from dangjian.people.tables import ChargeTable, PersonTable, PostTable

from . import services
from .filtersets import OrganizationFilterSet
from .models import Organization, OrgKind
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

    new_label = "新建下级组织"

    def new_link(self) -> str | None:
        """Offered to who may add an organisation under one of theirs (``orgs.maintain``)."""
        if organizations_for_entry(self.request.user).exists():
            return reverse("orgs:organization-new")
        return None

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

    def actions(self) -> list[Action]:
        org: Organization = self.object
        user, actions = self.request.user, []
        if can(user, "orgs.maintain", org):
            actions.append(Action("新建下级组织",
                                  f"{reverse('orgs:organization-new')}?parent={org.pk}"))
        if can(user, "people.create", org):
            actions.append(Action("新增人员", f"{reverse('people:person-new')}?organization="
                                            f"{org.pk}", style="secondary"))
        if can(user, "orgs.maintain", org):
            actions += [Action("修改", reverse("orgs:organization-edit", args=[org.pk]),
                               style="secondary"),
                        Action("撤销", reverse("orgs:organization-delete", args=[org.pk]),
                               style="contrast")]
        return actions

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


NEW_FIELDS = {"name": "名称", "kind": "组织类型", "parent": "上级组织", "code": "组织代码",
              "founded_on": "成立日期"}
EDIT_FIELDS = {"name": "名称", "parent": "上级组织"}
NAME_MAX, CODE_MAX = 100, 40  # the model's (and the API's) lengths


def entry_choices(orgs: QuerySet[Organization]) -> list[tuple[str, str]]:
    """Organisations as a select offers them, each with its parent's name (many branches
    share a name)."""
    return [(str(o.pk), f"{o.name}（{o.parent.name}）" if o.parent else o.name)
            for o in orgs.select_related("parent")]


def named_in_query(request: HttpRequest, name: str) -> Organization | None:
    """The organisation a page's query names (``?parent=``), in scope (else 404)."""
    value = request.GET.get(name, "")
    if not value:
        return None
    found = scoped_object(Organization.objects.all(), request.user, value)
    if found is None:
        raise Http404(OUT_OF_SCOPE)
    return found


def refusal_to_add(request: HttpRequest, action: str, org: Organization | None,
                   orgs: QuerySet[Organization]) -> str:
    """Why the user may not add under ``org`` or, none named, under any of ``orgs`` (those
    he maintains): empty when he may."""
    if org is not None:
        return refusal_of(request, action, org)
    return "" if orgs.exists() else rule_for(action).refusal_for(request.user, None)


def _name(inputs: Inputs) -> str:
    name = inputs.text("name")
    if len(name) > NAME_MAX:
        inputs.refuse("name", f"名称不能超过{NAME_MAX}个字")
    return name


def _maintained(request: HttpRequest, pk: int) -> Organization:
    """The organisation a page names: in scope (else 404), and the user may maintain it
    (else 403 with the API's message)."""
    org: Organization = scoped(Organization, request, pk)
    require(request.user, "orgs.maintain", org)
    return org


def _detail_url(org: Organization) -> str:
    return reverse("orgs:organization_detail", args=[org.pk])


def _organization_new_page(request: HttpRequest) -> HttpResponse:
    orgs = organizations_for_entry(request.user)
    parent = named_in_query(request, "parent")
    refusal = refusal_to_add(request, "orgs.maintain", parent, orgs)
    return render_action(
        request, title="新建下级组织", draft_key="organization",
        back_url=_detail_url(parent) if parent else reverse("orgs:organization_list"),
        refusal=refusal, inputs=[
            Input("name", "名称", help=f"不超过{NAME_MAX}个字"),
            Input("kind", "组织类型", "select", [("", "请选择"), *OrgKind.choices]),
            Input("parent", "上级组织", "select", [("", "请选择"), *entry_choices(orgs)],
                  value=str(parent.pk) if parent else "", picker="organizations",
                  help="只能建在您所维护的组织之下"),
            Input("code", "组织代码（可选）", required=False, help=f"不超过{CODE_MAX}个字符"),
            Input("founded_on", "成立日期（可选）", "date", required=False),
        ], buttons=[Button("新建")])


@action("organization", back="orgs:organization-new", labels=NEW_FIELDS)
def _organization_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, NEW_FIELDS)
    name, kind = _name(inputs), inputs.text("kind", required=False)
    if kind not in OrgKind.values:
        inputs.refuse("kind", "请选择组织类型")
    parent = inputs.picked(Organization, "parent")
    code = inputs.text("code", required=False)
    if len(code) > CODE_MAX:
        inputs.refuse("code", f"组织代码不能超过{CODE_MAX}个字符")
    founded_on = inputs.date("founded_on", required=False)
    inputs.check()
    require(request.user, "orgs.maintain", parent)
    org = services.organization_create(actor=actor_of(request), name=name, kind=kind,
                                       parent=parent, code=code, founded_on=founded_on)
    return f"已新建组织：{org.name}", _detail_url(org)


def _organization_edit_page(request: HttpRequest, pk: int) -> HttpResponse:
    org: Organization = scoped(Organization, request, pk)
    under = org.parent.name if org.parent else "（无，最上级组织）"
    # Not itself nor its subtree (a move there is refused), nor where it already is.
    targets = organizations_for_entry(request.user).exclude(path__startswith=org.path)
    if org.parent_id is not None:
        targets = targets.exclude(pk=org.parent_id)
    return render_action(
        request, title=f"修改组织：{org.name}", draft_key=f"organization-{pk}", record=org,
        record_url=_detail_url(org), back_url=_detail_url(org),
        refusal=refusal_of(request, "orgs.maintain", org),
        about=[("类型", org.kind), ("现上级组织", under)], inputs=[
            Input("name", "名称", value=org.name, help="改名后，该组织的各项记录随之显示新名称"),
            Input("parent", "上级组织", "select",
                  [("", f"不移动（仍在“{under}”之下）"), *entry_choices(targets)],
                  required=False, help="移动时，其下级组织和人员随之移动"),
        ], buttons=[Button("保存")])


@action("organization-{pk}", back="orgs:organization-edit", back_kwargs=("pk",),
        labels=EDIT_FIELDS)
def _organization_edit(request: HttpRequest, pk: int) -> tuple[str, str]:
    org = _maintained(request, pk)
    inputs = Inputs(request, EDIT_FIELDS)
    name, parent = _name(inputs), inputs.picked(Organization, "parent", required=False)
    inputs.check()
    if parent is not None:
        require(request.user, "orgs.maintain", parent)
    before = (org.name, org.parent_id)
    org = services.organization_change(actor=actor_of(request), org=org, name=name,
                                       new_parent=parent)
    changed = before != (org.name, org.parent_id)
    return (f"已保存组织：{org.name}" if changed else "信息未变化，无需保存"), _detail_url(org)


def _organization_delete_page(request: HttpRequest, pk: int) -> HttpResponse:
    org: Organization = scoped(Organization, request, pk)
    return render_action(
        request, title=f"撤销组织：{org.name}", draft_key=f"organization-delete-{pk}",
        record=org, record_url=_detail_url(org), back_url=_detail_url(org),
        refusal=refusal_of(request, "orgs.maintain", org), about=[
            ("类型", org.kind), ("上级组织", org.parent.name if org.parent else "—"),
            ("下级组织", f"{org.children.count()}个"),
            ("人员", f"{Person.objects.filter(organization=org).count()}人"),
            ("撤销后", "该组织从组织树中删除，不再出现在名录和选择框中；撤销记入审计日志。"
                       "还有下级组织、人员或会议等记录的组织不能撤销：请先撤销或移走下级组织、"
                       "调出人员"),
        ], inputs=[], buttons=[Button("撤销组织", style="contrast")])


@action("organization-delete-{pk}", back="orgs:organization-delete", back_kwargs=("pk",),
        labels={})
def _organization_delete(request: HttpRequest, pk: int) -> tuple[str, str]:
    org = _maintained(request, pk)
    name, parent = org.name, org.parent
    services.organization_delete(actor=actor_of(request), org=org)
    seen = parent is not None and restrict(Organization.objects.filter(pk=parent.pk),
                                           request.user).exists()
    return (f"已撤销组织：{name}",
            _detail_url(parent) if seen and parent else reverse("orgs:organization_list"))


organization_new = page_or_action(_organization_new_page, _organization_new)
organization_edit = page_or_action(_organization_edit_page, _organization_edit)
organization_delete = page_or_action(_organization_delete_page, _organization_delete)
