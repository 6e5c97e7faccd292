"""Pages. Each reads through access.scoping, so a page shows exactly what the API does."""

from typing import Any, cast

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import restrict, roles_of
from dangjian.access.selectors import scope_summary
from dangjian.audit.models import AuditEvent
from dangjian.orgs.filtersets import OrganizationFilterSet
from dangjian.orgs.models import Organization
from dangjian.people.filtersets import PersonFilterSet
from dangjian.people.models import Person

from .forms import LoginForm

PAGE_SIZE = 50


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True


def _page(request: HttpRequest, rows: Any) -> Any:
    return Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)  # login_required ran first
    grants = user.grants.select_related("organization").order_by("role")
    return render(request, "web/home.html", {
        "grants": grants, "scope": scope_summary(user), "roles": sorted(roles_of(user)),
    })


@login_required
def organizations(request: HttpRequest) -> HttpResponse:
    visible = restrict(Organization.objects.order_by("path"), request.user)
    filtered = OrganizationFilterSet(request.GET, queryset=visible)
    page = _page(request, filtered.qs.select_related("parent"))
    return render(request, "web/organizations.html", {"filter": filtered, "page": page})


@login_required
def persons(request: HttpRequest) -> HttpResponse:
    visible = restrict(Person.objects.select_related("organization"), request.user)
    filtered = PersonFilterSet(request.GET, queryset=visible.order_by("name", "id"))
    return render(request, "web/persons.html",
                  {"filter": filtered, "page": _page(request, filtered.qs)})


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if Role.AUDIT_ADMIN not in roles_of(request.user):
        raise PermissionDenied("仅审计管理员可以查看审计日志")
    events = AuditEvent.objects.order_by("-id")
    action = request.GET.get("action", "").strip()
    if action:
        events = events.filter(action=action)
    return render(request, "web/audit.html", {"page": _page(request, events), "action": action})
