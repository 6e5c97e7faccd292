"""Register list pages (台账列表): one view class every register's page declares in a few lines.

A page is the register's one FilterSet (the API filters with the same class) over the user's
scoped rows, a django-tables2 Table (sortable columns), real pagination (never a silent cut),
counts by status above the table, and 导出: the same filtered, sorted rows as .xlsx."""

from typing import Any, ClassVar

import django_filters
import django_tables2 as tables
from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.views.generic import TemplateView

from dangjian.access.scoping import restrict
from dangjian.audit.services import record
from dangjian.core.files.checks import XLSX, attachment
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.orgs.models import Organization

PAGE_SIZES = (20, 50, 100)
RESULTS_TEMPLATE = "core/_list_results.html"
# An export larger than this is refused with a message (filter first), never cut silently.
EXPORT_LIMIT = 20_000
# Query parameters that are not filters.
PAGE_PARAMS = ("page", "per_page", "sort", "export")


class RegisterTable(tables.Table):
    """Base of every register table: Chinese empty text, the site's table class."""

    class Meta:
        attrs = {"class": "register", "data-testid": "register"}
        empty_text = "没有符合条件的记录"
        template_name = "core/_table.html"
        orderable = True


def organization_choices(user: Any) -> list[tuple[str, str]]:
    """The organisations a filter may offer: those the user sees, in tree order."""
    visible = restrict(Organization.objects.order_by("path"), user).values_list("id", "name")
    return [("", "全部")] + [(str(pk), name) for pk, name in visible]


class RegisterListView(LoginRequiredMixin, TemplateView):
    """Subclasses set ``model``, ``filterset_class``, ``table_class`` and ``title``; they may
    override ``rows()`` for their joins and ``status_field`` for the counts."""

    template_name = "core/list.html"
    model: ClassVar[Any]
    filterset_class: ClassVar[type[django_filters.FilterSet]]
    table_class: ClassVar[type[tables.Table]]
    title: ClassVar[str]
    status_field: ClassVar[str | None] = "status"
    # Filters offered as a choice of the user's organisations (a picker when scripts run).
    organization_filters: ClassVar[tuple[str, ...]] = ("organization", "subtree")
    export_name: ClassVar[str | None] = None
    new_url: ClassVar[str | None] = None
    new_label: ClassVar[str] = "新建"

    def rows(self) -> QuerySet[Any]:
        return restrict(self.model.objects.all(), self.request.user)

    def filterset(self, data: QueryDict) -> django_filters.FilterSet:
        filterset = self.filterset_class(data, queryset=self.rows(), request=self.request)
        choices = None
        for name in self.organization_filters:
            field = filterset.form.fields.get(name)
            if field is None:
                continue
            choices = choices or organization_choices(self.request.user)
            field.widget = forms.Select(choices=choices, attrs={"data-picker": "organizations"})
        return filterset

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        filterset = self.filterset(request.GET)
        rows = filterset.qs if filterset.is_valid() else filterset.queryset.none()
        table = self.table_class(rows, request=request)
        tables.RequestConfig(request, paginate=False).configure(table)
        if request.GET.get("export") == "xlsx" and self.export_name:
            return self.export(table, rows)
        per_page = self.per_page()
        page = Paginator(rows, per_page).get_page(request.GET.get("page"))
        table.paginate(page=page.number, per_page=per_page)
        # The query form and the pager ask with htmx for the results alone (no menu, no form).
        context = self.get_context_data(
            filterset=filterset, table=table, page_obj=page, per_page=per_page,
            page_sizes=PAGE_SIZES, counts=self.counts(), title=self.title,
            export_name=self.export_name, new_url=self.new_link(), new_label=self.new_label,
            filtered=any(k not in PAGE_PARAMS and v for k, v in request.GET.items()),
        )
        if request.headers.get("HX-Request") == "true":
            response: HttpResponse = TemplateResponse(request, RESULTS_TEMPLATE, context)
        else:
            response = self.render_to_response(context)
        patch_vary_headers(response, ["HX-Request"])
        return response

    def new_link(self) -> str | None:
        """``new_url`` as a path: a URL name (``oversight:finding-new``) is reversed."""
        if not self.new_url or self.new_url.startswith("/"):
            return self.new_url
        return reverse(self.new_url)

    def per_page(self) -> int:
        raw = self.request.GET.get("per_page", "")
        return int(raw) if raw.isdecimal() and int(raw) in PAGE_SIZES else PAGE_SIZES[0]

    def counts(self) -> list[dict[str, Any]]:
        """Rows by status under the other filters, each a link that adds the status filter."""
        if not self.status_field:
            return []
        data = self.request.GET.copy()
        for key in (self.status_field, *PAGE_PARAMS):
            data.pop(key, None)
        filterset = self.filterset(data)
        if not filterset.is_valid():
            return []
        field = self.model._meta.get_field(self.status_field)
        labels = dict(field.choices or [])
        found = dict(filterset.qs.order_by().values_list(self.status_field)
                     .annotate(n=Count("pk")).values_list(self.status_field, "n"))
        chosen = self.request.GET.get(self.status_field, "")
        counts = []
        for value, label in labels.items():
            query = data.copy()
            query[self.status_field] = value
            counts.append({"label": label, "count": found.get(value, 0),
                           "query": query.urlencode(), "active": chosen == value})
        return counts

    def export(self, table: tables.Table, rows: QuerySet[Any]) -> HttpResponse:
        total = rows.count()
        if total > EXPORT_LIMIT:
            return HttpResponse(f"符合条件的记录有 {total} 条，超过一次导出的上限 {EXPORT_LIMIT} "
                                "条，请先缩小查询范围", status=400,
                                content_type="text/plain; charset=utf-8")
        values = list(table.as_values(exclude_columns=("actions",)))
        name = self.export_name or self.title
        record(actor=self.request.user, action="register.export", target=None,
               after={"register": name, "rows": total, "filters": {
                   k: v for k, v in self.request.GET.items() if k not in PAGE_PARAMS}})
        data = render_xlsx(title=name, headers=[str(h) for h in values[0]], rows=values[1:])
        stamp = timezone.localdate().strftime("%Y%m%d")
        return attachment(data, XLSX, f"{name}_{stamp}.xlsx")
