"""The cockpit page, its printable 汇报 view and its xlsx: the same figures (cockpit.py)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dangjian.audit.services import record
from dangjian.core.files.checks import XLSX, attachment
from dangjian.documents.spreadsheets import render_xlsx

from .charts import charts_of
from .cockpit import Cockpit, cockpit_for, has_cockpit

TITLE = "领导驾驶舱"
REFUSED = "领导驾驶舱供县领导、分管领导、纪检监察和单位书记使用，请从工作台进入"


def _cockpit(request: HttpRequest) -> Cockpit:
    if not has_cockpit(request.user):
        raise PermissionDenied(REFUSED)
    return cockpit_for(request.user)


def _context(cockpit: Cockpit) -> dict[str, Any]:
    return {"cockpit": cockpit, "tiles": cockpit.numbered(), "charts": charts_of(cockpit.tiles),
            "title": TITLE}


@login_required
def cockpit(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard/cockpit.html", _context(_cockpit(request)))


@login_required
def report(request: HttpRequest) -> HttpResponse:
    """汇报: one A4 page of the same figures, with the date and the scope on it."""
    return render(request, "dashboard/report.html", _context(_cockpit(request)))


def figure_rows(cockpit: Cockpit) -> list[list[Any]]:
    """Every number of the cockpit as (板块, 项目, 指标, 数值): the xlsx's rows."""
    return [[tile.title, row.label, column, cell.count]
            for tile in cockpit.numbered() for row in tile.rows
            for column, cell in zip(tile.columns, row.cells, strict=True)]


@login_required
def export(request: HttpRequest) -> HttpResponse:
    cockpit = _cockpit(request)
    rows = figure_rows(cockpit)
    record(actor=request.user, action="register.export", target=None,
           after={"register": TITLE, "rows": len(rows), "filters": {}})
    data = render_xlsx(title=f"{TITLE}（{cockpit.scope_text}，{cockpit.as_of:%Y年%m月%d日}）",
                       headers=["板块", "项目", "指标", "数值"], rows=rows, sheet_name="驾驶舱")
    return attachment(data, XLSX, f"{TITLE}_{cockpit.as_of:%Y%m%d}.xlsx")
