"""The duties registers' pages on the core page kernel: responsibility lists (责任清单), their
items (责任事项) with a detail page each, and one page per action on an item (登记履责记实,
修改事项): GET shows the form, POST acts and goes back to the item with a message."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from dangjian.access.actor import actor_of
from dangjian.core.actions import action, scoped
from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.forms import FormState, Inputs
from dangjian.core.history import related
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can

from . import selectors
from .filtersets import ResponsibilityItemFilterSet, ResponsibilityListFilterSet
from .kinds import Period
from .models import ResponsibilityItem, ResponsibilityList
from .services import fulfilments as fulfilment_services
from .services import items as item_services
from .tables import FulfilmentTable, ResponsibilityItemTable, ResponsibilityListTable


def items_with_records(queryset: QuerySet[ResponsibilityItem]) -> QuerySet[ResponsibilityItem]:
    """Items with how many 履责记实 they have and the latest one's date (sortable columns)."""
    return queryset.select_related("list").annotate(
        records=Count("fulfilments"), last_done=Max("fulfilments__done_on"))


class ResponsibilityListList(RegisterListView):
    model = ResponsibilityList
    filterset_class = ResponsibilityListFilterSet
    table_class = ResponsibilityListTable
    title = "责任清单"
    export_name = "责任清单"
    status_field = "holder"  # counts by 责任主体

    def rows(self) -> QuerySet[ResponsibilityList]:
        return selectors.lists_for(self.request.user).order_by(
            "-year", "organization__path", "holder", "id")

    def filterset(self, data: Any) -> Any:
        filterset = super().filterset(data)
        filterset.form.fields.pop("person")  # the API's; the page has no picker of persons yet
        return filterset


class ResponsibilityItemList(RegisterListView):
    model = ResponsibilityItem
    filterset_class = ResponsibilityItemFilterSet
    table_class = ResponsibilityItemTable
    title = "责任事项"
    export_name = "责任事项"
    status_field = "period"  # counts by 频次

    def rows(self) -> QuerySet[ResponsibilityItem]:
        return items_with_records(selectors.items_for(self.request.user)).order_by(
            "-list__year", "list__organization__path", "list_id", "order", "id")

    def filterset(self, data: Any) -> Any:
        filterset = super().filterset(data)
        # The API's list/person ids: kept in the query (links carry them), not typed in.
        for name in ("list", "person"):
            filterset.form.fields.pop(name)
        return filterset


class ResponsibilityListDetail(RecordDetailView):
    """Only for links that reverse ``<app>:<model>_detail``: a list's page is ``duties:list``."""

    model = ResponsibilityList

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return redirect("duties:list", pk=self.get_object().pk)


class ResponsibilityItemDetail(RecordDetailView):
    model = ResponsibilityItem
    template_name = "duties/item_detail.html"
    fields = ("list", "category", "text", "citation", "period", "times", "evidence_hint",
              "active")
    list_url = "duties:responsibilityitem_list"

    def sections(self) -> list[Section]:
        fulfilments = self.object.fulfilments.select_related("recorded_by").prefetch_related(
            "evidence").order_by("-done_on", "-id")
        return [Section("履责记实", FulfilmentTable(fulfilments, orderable=False))]

    def actions(self) -> list[Action]:
        item: ResponsibilityItem = self.object
        user = self.request.user
        found = []
        if item.active and can(user, "duties.record", item.list):
            found.append(Action("登记履责记实", reverse("duties:item_fulfil", args=[item.pk])))
        if can(user, "duties.keep_list", item.list):
            found.append(Action("修改事项", reverse("duties:item_change", args=[item.pk]),
                                style="secondary"))
        return found

    def history_records(self) -> list[Any]:
        return related(self.object, "fulfilments")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["view"] = selectors.item_view(self.object, self.request.user)
        return context


def _item_for(request: HttpRequest, pk: int, permission: str) -> ResponsibilityItem:
    item = scoped(ResponsibilityItem, request, pk)
    if not can(request.user, permission, item.list):
        raise PermissionDenied("您不能办理该责任事项")
    return item


def _detail_url(pk: int) -> str:
    return reverse("duties:responsibilityitem_detail", args=[pk])


FULFIL_LABELS = {"done_on": "履责日期", "description": "履责情况", "files": "佐证材料"}
CHANGE_LABELS = {"text": "责任内容", "period": "频次", "times": "每期次数",
                 "evidence_hint": "佐证材料"}


@action("item-fulfil-{pk}", back="duties:item_fulfil", back_kwargs=("pk",),
        labels=FULFIL_LABELS)
def _fulfil(request: HttpRequest, pk: int) -> tuple[str, str]:
    item = scoped(ResponsibilityItem, request, pk)
    inputs = Inputs(request, FULFIL_LABELS)
    done_on, description = inputs.date("done_on"), inputs.text("description")
    inputs.check()
    assert done_on is not None  # required: check() refused a missing date
    fulfilment_services.fulfilment_record(
        actor=actor_of(request), item=item, done_on=done_on, description=description,
        files=request.FILES.getlist("files"))
    return "已记录履责情况", _detail_url(pk)


@login_required
def item_fulfil(request: HttpRequest, pk: int) -> HttpResponse:
    """登记履责记实: the form (GET), recording it (POST)."""
    if request.method == "POST":
        return _fulfil(request, pk=pk)
    item = _item_for(request, pk, "duties.record")
    form = FormState.of_session(request, f"item-fulfil-{pk}")
    return render(request, "duties/item_fulfil.html", {
        "item": item, "form": form,
        # today offered only on a fresh form: a refused form's date is the clerk's own
        "done_on": "" if form.values.get("done_on") else timezone.localdate().isoformat()})


@action("item-change-{pk}", back="duties:item_change", back_kwargs=("pk",),
        labels=CHANGE_LABELS)
def _change(request: HttpRequest, pk: int) -> tuple[str, str]:
    item = scoped(ResponsibilityItem, request, pk)
    post = request.POST
    inputs = Inputs(request, CHANGE_LABELS)
    text = inputs.text("text")
    times = post.get("times", "").strip()
    if not times.isdecimal():
        inputs.refuse("times", "每期次数请填写整数")
    inputs.check()
    item_services.item_update(
        actor=actor_of(request), item=item, text=text, period=post.get("period", ""),
        times=int(times), evidence_hint=post.get("evidence_hint", ""),
        active=post.get("active") == "on")
    return "已保存责任事项", _detail_url(pk)


@login_required
def item_change(request: HttpRequest, pk: int) -> HttpResponse:
    """修改事项: the form (GET), saving it (POST)."""
    if request.method == "POST":
        return _change(request, pk=pk)
    item = _item_for(request, pk, "duties.keep_list")
    form = FormState.of_session(request, f"item-change-{pk}")
    if not form.values:  # first visit: the item as it is
        form.values = {"text": item.text, "period": item.period, "times": item.times,
                       "evidence_hint": item.evidence_hint, "active": "on" if item.active
                       else ""}
    return render(request, "duties/item_change.html", {
        "item": item, "form": form, "periods": Period.choices})
