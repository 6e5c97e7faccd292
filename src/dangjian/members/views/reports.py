"""优化党员队伍结构 (page and xlsx) and 走访慰问 coverage (page): the reports of
members.reports over the caller's scope."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dangjian.access.predicates import has_business_scope
from dangjian.audit.services import record
from dangjian.core.files.checks import XLSX, attachment
from dangjian.documents.spreadsheets import render_xlsx

from .. import reports
from .study import year_or_this

STRUCTURE_TITLE = "党员队伍结构"


def _require_business_scope(request: HttpRequest) -> None:
    if not has_business_scope(request.user):
        raise PermissionDenied(reports.NO_BUSINESS_DATA)


@login_required
def structure(request: HttpRequest) -> HttpResponse:
    _require_business_scope(request)
    report = reports.structure(request.user)
    return render(request, "members/structure.html", {
        "report": report, "columns": reports.COLUMNS, "title": STRUCTURE_TITLE})


def structure_rows(report: reports.Structure) -> list[list[Any]]:
    return [[row.organization, *row.cells()] for row in (report.total, *report.organizations)]


@login_required
def structure_export(request: HttpRequest) -> HttpResponse:
    _require_business_scope(request)
    report = reports.structure(request.user)
    rows = structure_rows(report)
    record(actor=request.user, action="register.export", target=None,
           after={"register": STRUCTURE_TITLE, "rows": len(rows), "filters": {}})
    headers = ["党组织", *(column.label if column.group == "合计"
                           else f"{column.group}：{column.label}" for column in reports.COLUMNS)]
    data = render_xlsx(title=f"{STRUCTURE_TITLE}（{report.as_of:%Y年%m月%d日}）",
                       headers=headers, rows=rows, sheet_name=STRUCTURE_TITLE)
    return attachment(data, XLSX, f"{STRUCTURE_TITLE}_{report.as_of:%Y%m%d}.xlsx")


@login_required
def visit_coverage(request: HttpRequest) -> HttpResponse:
    _require_business_scope(request)
    coverage = reports.visit_coverage(request.user, year_or_this(request.GET.get("year")),
                                      reports.campaign_or_default(request.GET.get("campaign")))
    missing_only = request.GET.get("missing") == "1"
    return render(request, "members/visit_coverage.html", {
        "coverage": coverage, "campaigns": reports.CAMPAIGNS, "missing_only": missing_only,
        "rows": coverage.missed if missing_only else coverage.due,
        "title": "走访慰问覆盖情况"})
