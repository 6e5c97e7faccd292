"""The published 考核结果: a GB/T 9704 Word 通报 (documents.gbt9704) with the ranking as a
table, and an xlsx ranking (documents.spreadsheets). Every figure is a frozen ``Result`` row:
the documents never recompute, so they cannot drift from what was approved.

When: a released (已公布) scheme gives the formal 通报. A scheme awaiting approval (待审定) has
its results frozen already; its approvers may download a 送审稿 (draft for approval, so marked
in the title and the file name) to read what they sign. Earlier, there is nothing to publish."""

import contextlib
import io
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from docx import Document
from docx.shared import Pt

from dangjian.documents.gbt9704 import OfficialDocument, render_docx
from dangjian.documents.spreadsheets import render_xlsx

from .models import Indicator, Result, Scheme

DOWNLOADABLE = (Scheme.Status.PENDING, Scheme.Status.RELEASED)
TABLE_MARK = "【排名表】"  # the paragraph the ranking table replaces in the Word file
HEADERS = ["名次", "考核对象", "总分", "等次"]
DRAFT_MARK = "（送审稿）"


def check_downloadable(scheme: Scheme) -> None:
    if scheme.status not in DOWNLOADABLE:
        raise ValidationError(f"考核方案“{scheme}”尚未审定（当前状态："
                              f"{scheme.get_status_display()}），没有可以下载的考核结果")
    if scheme.status == Scheme.Status.RELEASED and not scheme.document_number.strip():
        raise ValidationError("考核方案未填写文号，不能生成正式通报；请先在方案中补充文号")


def results_of(scheme: Scheme) -> list[Result]:
    return list(Result.objects.filter(scheme=scheme)
                .select_related("organization", "person").order_by("rank", "id"))


def target_name(result: Result) -> str:
    if result.person is not None:
        return f"{result.person.name}（{result.organization.name}）"
    return result.organization.name


def _points(value: Decimal) -> str:
    return f"{value:.2f}"


def top_indicators(scheme: Scheme) -> list[Indicator]:
    return list(scheme.indicators.filter(parent__isnull=True).order_by("order", "code"))


def _bands(scheme: Scheme) -> str:
    bands = sorted(scheme.grade_bands, key=lambda b: Decimal(b["min"]), reverse=True)
    parts = [f"{b['grade']}（{b['min']}分及以上）" if Decimal(b["min"]) > 0
             else f"{b['grade']}（{bands[i - 1]['min']}分以下）" if i else b["grade"]
             for i, b in enumerate(bands)]
    return "、".join(parts)


def _draft(scheme: Scheme) -> bool:
    return scheme.status != Scheme.Status.RELEASED


def report_body(scheme: Scheme, results: list[Result]) -> list[str]:
    basis = f"按照{scheme.basis}" if scheme.basis else "按照县委党建工作考核有关规定"
    indicators = scheme.indicators.filter(parent__isnull=False)
    counted = indicators.filter(provider__gt="").count()
    body = [
        f"{basis}，县委对{scheme.year}年度{scheme.get_target_kind_display()}党建工作进行了考核。"
        f"考核共设指标{indicators.count() or len(top_indicators(scheme))}项，"
        f"其中{counted}项由平台依据已有工作记录自动计分，每项得分均留存依据记录备查；"
        "考核结果经考核管理员审核、县委领导审定。现将考核结果通报如下。",
        "一、考核结果",
        TABLE_MARK,
        "二、等次划分",
        f"考核满分{_points(scheme.total_points)}分，等次划分为：{_bands(scheme)}。",
    ]
    grades: dict[str, int] = {}
    for result in results:
        grades[result.grade] = grades.get(result.grade, 0) + 1
    body.append("本次考核" + "，".join(f"“{g}”等次{n}个" for g, n in grades.items()) + "。"
                if grades else "本次考核暂无考核结果。")
    body += [
        "三、结果运用",
        f"考核结果纳入各单位领导班子和领导干部年度述责述廉；等次为"
        f"“{'、'.join(scheme.accountability_grades or ['差'])}”的，提交纪检监察机关提出问责建议。"
        f"对考核结果有异议的，可在结果公布后{scheme.appeal_days}个工作日内申请复核。",
    ]
    return body


def result_document(scheme: Scheme) -> OfficialDocument:
    check_downloadable(scheme)
    results = results_of(scheme)
    issuer = getattr(settings, "DANGJIAN_ASSESSMENT_ISSUER", "") or scheme.organization.name
    title = f"关于{scheme.year}年度{scheme.name}\n结果的通报"
    number = scheme.document_number.strip() or f"送审〔{scheme.year}〕{scheme.pk}号"
    return OfficialDocument(
        issuer=issuer, number=number,
        title=title + (f"\n{DRAFT_MARK}" if _draft(scheme) else ""),
        recipient="各考核对象单位", body=report_body(scheme, results), signer=issuer,
        date=(timezone.localtime(scheme.released_at).date() if scheme.released_at
              else timezone.localdate()),
    )


def result_docx(scheme: Scheme) -> bytes:
    """The 通报 with the ranking table where ``TABLE_MARK`` stands."""
    data = render_docx(result_document(scheme))
    document = Document(io.BytesIO(data))
    mark = next(p for p in document.paragraphs if p.text.strip() == TABLE_MARK)
    rows = [[str(r.rank), target_name(r), _points(r.total), r.grade] for r in results_of(scheme)]
    table = document.add_table(rows=1 + len(rows), cols=len(HEADERS))
    with contextlib.suppress(KeyError, ValueError):  # no such style: a plain table
        table.style = "Table Grid"
    for row, values in zip(table.rows, [HEADERS, *rows], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(12)
    mark._p.addnext(table._tbl)
    mark._p.getparent().remove(mark._p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def result_xlsx(scheme: Scheme) -> bytes:
    """The ranking with each 一级 indicator's points (the frozen breakdown)."""
    check_downloadable(scheme)
    tops = top_indicators(scheme)
    headers = [*HEADERS, *(f"{i.code} {i.name}（{_points(i.max_points)}分）" for i in tops)]
    rows = [[r.rank, target_name(r), r.total, r.grade,
             *(_breakdown(r, i) for i in tops)] for r in results_of(scheme)]
    title = f"{scheme}考核结果" + (DRAFT_MARK if _draft(scheme) else "")
    return render_xlsx(title=title, headers=headers, rows=rows, sheet_name="考核排名")


def _breakdown(result: Result, indicator: Indicator) -> Decimal | str:
    """The 一级 indicator's points: its own entry, else the sum of its items' entries."""
    found = result.breakdown or {}
    if indicator.code in found:
        return Decimal(str(found[indicator.code]))
    items = [found[c.code] for c in indicator.children.all() if c.code in found]
    return sum((Decimal(str(v)) for v in items), Decimal(0)) if items else ""


def file_name(scheme: Scheme, suffix: str) -> str:
    draft = DRAFT_MARK if _draft(scheme) else ""
    return f"{scheme}考核结果{draft}{suffix}"


