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

from dangjian.core.actions import action, drafts, parse_date, scoped
from dangjian.core.detail import Action, RecordDetailView, Section
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


@action("item-fulfil-{pk}", back="duties:item_fulfil", back_kwargs=("pk",))
def _fulfil(request: HttpRequest, pk: int) -> tuple[str, str]:
    post = request.POST
    fulfilment_services.fulfilment_record(
        actor=request.user, item=scoped(ResponsibilityItem, request, pk),
        done_on=parse_date(post.get("done_on"), "履责日期"),
        description=post.get("description", ""), files=request.FILES.getlist("files"))
    return "已记录履责情况", _detail_url(pk)


@login_required
def item_fulfil(request: HttpRequest, pk: int) -> HttpResponse:
    """登记履责记实: the form (GET), recording it (POST)."""
    if request.method == "POST":
        return _fulfil(request, pk=pk)
    item = _item_for(request, pk, "duties.record")
    draft = drafts(request).get(f"item-fulfil-{pk}", {})
    return render(request, "duties/item_fulfil.html", {
        "item": item, "draft": draft,
        "done_on": draft.get("done_on") or timezone.localdate().isoformat()})


@action("item-change-{pk}", back="duties:item_change", back_kwargs=("pk",))
def _change(request: HttpRequest, pk: int) -> tuple[str, str]:
    post = request.POST
    times = post.get("times", "")
    item_services.item_update(
        actor=request.user, item=scoped(ResponsibilityItem, request, pk),
        text=post.get("text", ""), period=post.get("period", ""),
        times=int(times) if times.isdigit() else 0,
        evidence_hint=post.get("evidence_hint", ""), active=post.get("active") == "on")
    return "已保存责任事项", _detail_url(pk)


@login_required
def item_change(request: HttpRequest, pk: int) -> HttpResponse:
    """修改事项: the form (GET), saving it (POST)."""
    if request.method == "POST":
        return _change(request, pk=pk)
    item = _item_for(request, pk, "duties.keep_list")
    return render(request, "duties/item_change.html", {
        "item": item, "draft": drafts(request).get(f"item-change-{pk}", {}),
        "periods": Period.choices})
