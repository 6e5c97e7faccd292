"""Accounts and role grants as pages (账户与授权), for the 三员 who keep them: the list and an
account's page (系统管理员 and 安全管理员), 新建账户 (系统管理员), 授予角色 and 撤销授权
(安全管理员). The writes are the API's services (``access.services``) with their refusals:
三员分立, no grant to oneself, never the last administrator of a duty."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters

from dangjian.core.action_page import Button, Input, page_or_action, refusal_of, render_action
from dangjian.core.actions import action
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.forms import Inputs
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can, require
from dangjian.core.spelled import PICKER_LIMIT, QUERY_MAX, matching
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from . import services
from .actor import actor_of
from .filtersets import UserFilterSet
from .models import RoleGrant, User
from .roles import ROLE_RULES, Role
from .tables import GrantTable, UserTable

USER_FIELDS = {"username": "用户名", "display_name": "显示名称", "person": "对应人员",
               "password": "初始密码"}
GRANT_FIELDS = {"role": "角色", "organization": "范围组织"}
NO_PERSON = "（不关联人员）"
NO_ORGANIZATION = "（不需要：该角色不按组织授权）"
SCOPED_ROLES = "、".join(role for role, rule in ROLE_RULES.items() if rule.needs_organization)


def _refused(request: HttpRequest, title: str, refusal: str) -> HttpResponse:
    """The 403 page of a role that may not act, before any account is looked up."""
    return render_action(request, title=title, draft_key="", refusal=refusal, inputs=[],
                         buttons=[], back_url=reverse("access:user_list"))


class AccountKeepersOnly:
    """The 系统管理员 and the 安全管理员 read the accounts; anyone else gets 403."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        refusal = refusal_of(request, "access.view_accounts")
        if request.user.is_authenticated and refusal:
            return _refused(request, "账户", refusal)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class UserList(AccountKeepersOnly, RegisterListView):
    model = User
    filterset_class = UserFilterSet
    table_class = UserTable
    title = "账户"
    status_field = None
    organization_filters = ()
    new_label = "新建账户"

    def rows(self) -> QuerySet[User]:
        return User.objects.select_related("person").prefetch_related(
            "grants__organization").order_by("username")

    def new_link(self) -> str | None:
        return reverse("access:user-new") if can(self.request.user, "access.create_user") \
            else None


class UserDetail(AccountKeepersOnly, RecordDetailView):
    model = User
    fields = ("username", "display_name", "person", "is_active", "must_change_password",
              "last_login", "date_joined")
    list_url = "access:user_list"

    def get_queryset(self) -> QuerySet[User]:
        return User.objects.select_related("person")  # accounts are not business data

    def grants(self) -> QuerySet[RoleGrant]:
        return self.object.grants.select_related("organization").order_by("granted_at", "id")

    def sections(self) -> list[Section]:
        keeps = can(self.request.user, "access.grant")
        table = GrantTable(self.grants(), orderable=False,
                           exclude=() if keeps else ("revoke",))
        return [Section("角色授权", table)]

    def actions(self) -> list[Action]:
        if not can(self.request.user, "access.grant"):
            return []
        return [Action("授予角色", reverse("access:grant-new", args=[self.object.pk]))]

    def history_records(self) -> list[Any]:
        return [self.object, *self.grants()]


# --- 新建账户 -----------------------------------------------------------------------------

# The selects offer the first rows (tree order); the type-ahead picker over them finds the
# rest, so a county of thousands of persons does not send them all in one page.
SELECT_MAX = 300


def _person_choices() -> list[tuple[str, str]]:
    """Persons without an account, by organisation: whom a new account may stand for."""
    free = Person.objects.filter(user__isnull=True).select_related("organization").order_by(
        "organization__path", "name", "id")[:SELECT_MAX]
    return [("", NO_PERSON)] + [(str(p.pk), f"{p.name}（{p.organization.name}）") for p in free]


def _user_new_page(request: HttpRequest) -> HttpResponse:
    return render_action(
        request, title="新建账户", draft_key="user-new", back_url=reverse("access:user_list"),
        refusal=refusal_of(request, "access.create_user"), inputs=[
            Input("username", "用户名", help="登录用的名字，不能与已有账户重复（不分大小写）"),
            Input("display_name", "显示名称", required=False, help="不填则显示用户名"),
            Input("person", "对应人员", "select", _person_choices(), required=False,
                  help="业务角色的账户应关联人员；三员账户可不关联", picker="persons",
                  picker_url=reverse("access:person-picker")),
            Input("password", "初始密码", "password",
                  help="须符合密码策略；账户首次登录时须修改"),
        ], buttons=[Button("新建")])


@action("user-new", back="access:user-new", labels=USER_FIELDS)
def _user_new(request: HttpRequest) -> tuple[str, str]:
    require(request.user, "access.create_user")
    inputs = Inputs(request, USER_FIELDS)
    username = inputs.text("username")
    display_name = inputs.text("display_name", required=False)
    person = _picked_person(inputs)
    password = str(request.POST.get("password", ""))  # as typed: spaces count
    if not password:
        inputs.refuse("password", "请填写初始密码")
    inputs.check()
    user = services.user_create(actor=actor_of(request), username=username, password=password,
                                display_name=display_name, person=person)
    return (f"已新建账户：{user.username}（首次登录须修改密码）",
            reverse("access:user_detail", args=[user.pk]))


def _picked_person(inputs: Inputs) -> Person | None:
    """The person the form names, as the API finds it (any person: accounts are not scoped)."""
    raw = inputs.text("person", required=False)
    if not raw:
        return None
    person = Person.objects.filter(pk=int(raw)).first() if raw.isdecimal() else None
    if person is None:
        inputs.refuse("person", "对应人员不存在")
    return person


# --- 授予角色 and 撤销授权 -----------------------------------------------------------------

def _organization_choices() -> list[tuple[str, str]]:
    rows = Organization.objects.order_by("path").values_list("pk", "name")[:SELECT_MAX]
    return [("", NO_ORGANIZATION)] + [(str(pk), name) for pk, name in rows]


def _grant_new_page(request: HttpRequest, pk: int) -> HttpResponse:
    refusal = refusal_of(request, "access.grant")
    if refusal:
        return _refused(request, "授予角色", refusal)
    user = get_object_or_404(User, pk=pk)
    return render_action(
        request, title=f"授予角色：{user}", draft_key=f"grant-{pk}", record=user,
        record_url=reverse("access:user_detail", args=[pk]),
        back_url=reverse("access:user_list"),
        about=[("用户名", user.username), ("现有角色", _roles_of(user))], inputs=[
            Input("role", "角色", "select", [("", "请选择"), *Role.choices],
                  help="系统管理员、安全管理员、审计管理员须由不同人员担任，且不兼任业务角色"),
            Input("organization", "范围组织", "select", _organization_choices(),
                  required=False, help=f"{SCOPED_ROLES}须指定范围组织：其范围为该组织及其下级",
                  picker="organizations", picker_url=reverse("access:organization-picker")),
        ], buttons=[Button("授予")])


def _roles_of(user: User) -> str:
    grants = user.grants.select_related("organization").order_by("granted_at", "id")
    return "、".join(str(g.role) + (f"（{g.organization.name}）" if g.organization else "")
                    for g in grants) or "无"


@action("grant-{pk}", back="access:grant-new", back_kwargs=("pk",), labels=GRANT_FIELDS)
def _grant_new(request: HttpRequest, pk: int) -> tuple[str, str]:
    require(request.user, "access.grant")
    user = get_object_or_404(User, pk=pk)
    inputs = Inputs(request, GRANT_FIELDS)
    role = inputs.text("role")
    raw = inputs.text("organization", required=False)
    organization = None
    if raw:
        organization = Organization.objects.filter(pk=int(raw)).first() \
            if raw.isdecimal() else None
        if organization is None:
            inputs.refuse("organization", "范围组织不存在")
    inputs.check()
    grant = services.grant_role(actor=actor_of(request), user=user, role=role,
                                organization=organization)
    scope = f"（{grant.organization.name}）" if grant.organization else ""
    return f"已授予{user}角色：{grant.role}{scope}", reverse("access:user_detail", args=[pk])


def _grant_revoke_page(request: HttpRequest, pk: int) -> HttpResponse:
    refusal = refusal_of(request, "access.grant")
    if refusal:
        return _refused(request, "撤销授权", refusal)
    grant = get_object_or_404(RoleGrant.objects.select_related("user", "organization"), pk=pk)
    return render_action(
        request, title=f"撤销授权：{grant.role}", draft_key=f"revoke-{pk}",
        refusal=refusal_of(request, "access.grant"), record=grant.user,
        record_url=reverse("access:user_detail", args=[grant.user_id]),
        back_url=reverse("access:user_list"), about=[
            ("账户", f"{grant.user}（{grant.user.username}）"), ("角色", grant.role),
            ("范围组织", grant.organization.name if grant.organization else "—")],
        inputs=[], buttons=[Button("撤销", style="contrast")])


@action("revoke-{pk}", back="access:grant-revoke", back_kwargs=("pk",))
def _grant_revoke(request: HttpRequest, pk: int) -> tuple[str, str]:
    require(request.user, "access.grant")
    grant = get_object_or_404(RoleGrant.objects.select_related("user", "organization"), pk=pk)
    user, role = grant.user, grant.role
    services.revoke_role(actor=actor_of(request), grant=grant)
    return f"已撤销{user}的{role}授权", reverse("access:user_detail", args=[user.pk])


# The initial password never reaches an error report (nor a draft: core.actions).
user_new = sensitive_post_parameters("password")(page_or_action(_user_new_page, _user_new))
grant_new = page_or_action(_grant_new_page, _grant_new)
grant_revoke = page_or_action(_grant_revoke_page, _grant_revoke)


# --- the type-ahead of the two forms ----------------------------------------------------------
# The API's pickers answer within the user's scope, which for the 三员 is empty: these answer
# what the two forms offer (the persons without an account, every organisation), to the role
# that fills the form only, in the pickers' format (static/dangjian/picker.js).

def _query(request: HttpRequest) -> str:
    return str(request.GET.get("q", ""))[:QUERY_MAX]


@login_required
def person_picker(request: HttpRequest) -> JsonResponse:
    require(request.user, "access.create_user")
    rows = matching(Person.objects.filter(user__isnull=True), _query(request))
    rows = rows.select_related("organization").order_by("name", "id")[:PICKER_LIMIT]
    return JsonResponse([{"id": p.pk, "label": p.name, "detail": p.organization.name}
                         for p in rows], safe=False)


@login_required
def organization_picker(request: HttpRequest) -> JsonResponse:
    require(request.user, "access.grant")
    rows = matching(Organization.objects.all(), _query(request))
    rows = rows.select_related("parent").order_by("path")[:PICKER_LIMIT]
    return JsonResponse([{"id": o.pk, "label": o.name, "depth": o.depth,
                          "detail": o.parent.name if o.parent else ""} for o in rows],
                        safe=False)
