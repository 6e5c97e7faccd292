"""Pages of responsibility lists: the overview (my lists, the leaders' progress, links to the
registers in ``pages``), a list's year-end view, and one small view per action. Views parse
forms, services decide."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.access.roles import Role
from dangjian.access.scoping import restrict, roles_of
from dangjian.core.actions import action, parse_date, scoped
from dangjian.core.files.checks import DOCX, attachment
from dangjian.core.files.views import download_page
from dangjian.core.forms import Inputs
from dangjian.core.permissions import can
from dangjian.orgs.models import Organization
from dangjian.people.models import Person, Post

from . import selectors
from .catalogue import CATALOGUE
from .documents import report_docx
from .kinds import Period
from .models import FulfilmentEvidence, ResponsibilityItem, ResponsibilityList
from .services import fulfilments as fulfilment_services
from .services import items as item_services
from .services import lists as list_services
from .services.lists import MEMBER_TITLES, PARTY_BODIES
from .todos import todos

LEADING_TITLES = {"书记", *MEMBER_TITLES}


def _year(request: HttpRequest) -> int:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdecimal() and 2000 <= int(raw) <= 2100 else timezone.localdate().year


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The overview: the user's own lists, the leaders' progress for those who oversee it, and
    links to the registers (责任清单, 责任事项) and to what waits (``duties.todos``)."""
    user = request.user
    year = _year(request)
    person_id = getattr(user, "person_id", None)
    mine = [selectors.list_view(rlist, user) for rlist in
            ResponsibilityList.objects.filter(year=year, person_id=person_id)
            .select_related("organization", "person")] if person_id else []
    context: dict[str, Any] = {
        "year": year, "mine": mine, "own_posts": _own_posts(person_id, year),
        "lists_count": selectors.lists_for(user).filter(year=year).count(),
        "items_count": selectors.items_for(user).filter(list__year=year, active=True).count(),
        "may_create": bool(_manageable(user)), "todos": todos(user),
    }
    if roles_of(user) & {Role.COUNTY_LEADER, Role.VICE_HEAD, Role.INSPECTOR}:
        context["overview"] = selectors.leaders_overview(user, year)
    return render(request, "duties/home.html", context)


def _manageable(user: Any) -> list[Organization]:
    """The party bodies whose lists the user may keep (建立责任清单)."""
    bodies = restrict(Organization.objects.filter(kind__in=PARTY_BODIES, depth__lte=4), user)
    return [o for o in bodies.order_by("path")[:200] if can(user, "duties.manage", o)]


def _own_posts(person_id: int | None, year: int) -> list[Post]:
    """The user's leading posts without a list this year: each gets a "建立" button."""
    if not person_id:
        return []
    have = set(ResponsibilityList.objects.filter(year=year, person_id=person_id)
               .values_list("organization_id", flat=True))
    posts = Post.objects.current().filter(person_id=person_id, title__in=LEADING_TITLES,
                                          organization__kind__in=PARTY_BODIES)
    return [p for p in posts.select_related("organization") if p.organization_id not in have]


def _leaders(bodies: list[Organization]) -> list[Post]:
    posts = Post.objects.current().filter(organization__in=bodies, title__in=LEADING_TITLES)
    return list(posts.select_related("person", "organization").order_by("organization__path",
                                                                        "title"))


@login_required
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    rlist = scoped(ResponsibilityList, request, pk)
    user = request.user
    return render(request, "duties/list.html", {
        "view": selectors.list_view(rlist, user), "rlist": rlist,
        "periods": Period.choices, "drafts": request.session.get("drafts", {}),
        "inactive": rlist.items.filter(active=False),
        "today": timezone.localdate(), "templates": len(CATALOGUE),
    })


@login_required
def list_new(request: HttpRequest) -> HttpResponse:
    """建立责任清单: the form (GET), creating the list from the template (POST)."""
    if request.method == "POST":
        return _list_create(request)
    bodies = _manageable(request.user)
    if not bodies:
        raise PermissionDenied("您不能建立责任清单")
    return render(request, "duties/list_new.html", {
        "bodies": bodies, "leaders": _leaders(bodies), "year": _year(request),
        "draft": request.session.get("drafts", {}).get("list", {})})


LIST_FIELDS = {"organization": "党组织", "person": "责任人", "year": "年度"}
ITEM_FIELDS = {"text": "责任内容", "period": "频次", "times": "每期次数",
               "evidence_hint": "佐证材料", "citation": "依据"}


def _year_of(raw: str) -> int:
    if not raw.isdecimal():
        raise ValidationError("年度应为四位数字")
    return int(raw)


def _times_of(raw: str) -> int:
    if raw and not raw.isdecimal():
        raise ValidationError("每期次数应为不小于0的整数")
    return int(raw) if raw else 0


@action("list", back="duties:list-new", labels=LIST_FIELDS)
def _list_create(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    inputs = Inputs(request, LIST_FIELDS)
    person_id = post.get("person", "")
    own = person_id.isdecimal() and int(person_id) == getattr(request.user, "person_id", None)
    person = (Person.objects.get(pk=person_id) if own  # one's own, even outside the scope
              else inputs.picked(Person, "person", required=False))
    body = selectors.own_post_body(request.user, post.get("organization")) if own else None
    organization = body or inputs.picked(Organization, "organization")
    year = inputs.read("year", _year_of, inputs.text("year"))
    inputs.check()
    rlist = list_services.responsibility_list_create(
        actor=actor_of(request), organization=organization, year=year, person=person)
    return (f"已建立：{rlist.title}", reverse("duties:list", kwargs={"pk": rlist.pk}))


def _item(request: HttpRequest, pk: int, item: int) -> ResponsibilityItem:
    found = scoped(ResponsibilityItem, request, item)
    if found.list_id != pk:
        raise Http404("该事项不属于这份清单")
    return found


@action("fulfil-{item}", back="duties:list", back_kwargs=("pk",))
def fulfil(request: HttpRequest, pk: int, item: int) -> str:
    post = request.POST
    fulfilment_services.fulfilment_record(
        actor=actor_of(request), item=_item(request, pk, item),
        done_on=parse_date(post.get("done_on"), "履责日期"),
        description=post.get("description", ""), files=request.FILES.getlist("files"))
    return "已记录履责情况"


@action("item-{item}", back="duties:list", back_kwargs=("pk",))
def item_edit(request: HttpRequest, pk: int, item: int) -> str:
    post = request.POST
    times = post.get("times", "")
    item_services.item_update(
        actor=actor_of(request), item=_item(request, pk, item), text=post.get("text", ""),
        times=int(times) if times.isdecimal() else 0, active=post.get("active") == "on")
    return "已保存责任事项"


@action("item-new-{pk}", back="duties:list", back_kwargs=("pk",), labels=ITEM_FIELDS)
def item_new(request: HttpRequest, pk: int) -> str:
    rlist = scoped(ResponsibilityList, request, pk)
    post = request.POST
    inputs = Inputs(request, ITEM_FIELDS)
    text = inputs.text("text")
    times = inputs.read("times", _times_of, inputs.text("times", required=False))
    inputs.check()
    item_services.item_add(
        actor=actor_of(request), rlist=rlist, text=text,
        period=post.get("period", Period.YEAR), times=times,
        evidence_hint=post.get("evidence_hint", ""), citation=post.get("citation", ""))
    return "已添加本单位细化事项"


@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    rlist = scoped(ResponsibilityList, request, pk)
    return attachment(report_docx(rlist, request.user), DOCX, f"{rlist.title}年度报告.docx")


@login_required
def evidence(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A record's file, only within the user's scope, checked against its SHA-256."""
    item = get_object_or_404(FulfilmentEvidence.objects.filter(
        fulfilment__item__in=restrict(ResponsibilityItem.objects.all(), request.user)), pk=pk)
    return download_page(evidence=item, actor=actor_of(request))
