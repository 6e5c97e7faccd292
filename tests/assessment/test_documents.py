"""The published result as a Word 通报 and an xlsx ranking: the figures are the Result rows."""

import io
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from docx import Document
from openpyxl import load_workbook

from dangjian.assessment.documents import result_docx, result_xlsx
from dangjian.assessment.models import Result, Scheme
from dangjian.documents.gbt9704 import docx_page_setup

pytestmark = pytest.mark.django_db


def test_the_word_report_carries_the_ranking_table_of_the_frozen_results(
        frozen_scheme: Callable[..., Scheme]) -> None:
    scheme = frozen_scheme()
    data = result_docx(scheme)
    document = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "示组〔2026〕3号" in text
    assert "《示范县党建工作考核办法》" in text
    assert "【排名表】" not in text  # the mark became the table
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert rows[0] == ["名次", "考核对象", "总分", "等次"]
    expected = [[str(r.rank), r.organization.name, f"{r.total:.2f}", r.grade]
                for r in Result.objects.filter(scheme=scheme).order_by("rank")]
    assert rows[1:] == expected
    assert docx_page_setup(data)["page_width_mm"] == pytest.approx(210, abs=0.5)


def test_the_xlsx_ranking_equals_the_result_rows_with_the_breakdown(
        frozen_scheme: Callable[..., Scheme]) -> None:
    scheme = frozen_scheme()
    sheet = load_workbook(io.BytesIO(result_xlsx(scheme))).active
    values = [list(row) for row in sheet.iter_rows(min_row=3, values_only=True)]
    for row, result in zip(values, Result.objects.filter(scheme=scheme).order_by("rank"),
                           strict=True):
        assert row[:4] == [result.rank, result.organization.name, float(result.total),
                           result.grade]
        # 一级 columns: the sum of their items' frozen points
        assert Decimal(str(row[4])) == Decimal(result.breakdown["1.1"])
        assert Decimal(str(row[5])) == Decimal("30")


@pytest.mark.parametrize("status", [Scheme.Status.DRAFT, Scheme.Status.PUBLISHED,
                                    Scheme.Status.SCORING])
def test_nothing_is_published_before_the_results_are_frozen(
        frozen_scheme: Callable[..., Scheme], status: str) -> None:
    scheme = frozen_scheme(status)
    for render in (result_docx, result_xlsx):
        with pytest.raises(ValidationError, match="尚未审定"):
            render(scheme)


def test_a_scheme_awaiting_approval_gives_a_marked_draft(
        frozen_scheme: Callable[..., Scheme]) -> None:
    scheme = frozen_scheme(Scheme.Status.PENDING)
    text = "\n".join(p.text for p in Document(io.BytesIO(result_docx(scheme))).paragraphs)
    assert "送审稿" in text
