"""The rendered 公文 read back with python-docx, checked against GB/T 9704-2012."""

import dataclasses
import datetime
import io

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from dangjian.documents.gbt9704 import (
    GBT9704,
    OfficialDocument,
    chinese_date,
    docx_page_setup,
    render_docx,
)

POINTS_PER_MM = 72 / 25.4


def make_document(**changes: object) -> OfficialDocument:
    fields: dict[str, object] = {
        "issuer": "中共示范县纪委监委派驻纪检监察组",
        "number": "示纪提〔2026〕3号",
        "title": "关于落实全面从严治党主体责任的\n监督工作提示单",
        "recipient": "中共示范县教育局党组",
        "body": [
            "根据年度监督工作安排，现就有关事项提示如下。",
            "一、压实主体责任",
            "（一）加强组织领导。党组要定期研究部署全面从严治党工作。",
            "1.建立问题台账。",
        ],
        "attachments": ["整改任务清单", "问题线索处置情况统计表"],
        "signer": "示范县纪委监委派驻纪检监察组",
        "date": datetime.date(2026, 1, 5),
        "copy_to": "县纪委监委党风政风监督室，县委组织部",
        "printer": "示范县纪委监委派驻纪检监察组",
        "secrecy": "内部",
    }
    fields.update(changes)
    return OfficialDocument(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def rendered() -> bytes:
    return render_docx(make_document())


@pytest.fixture(scope="module")
def document(rendered: bytes) -> DocxDocument:
    return Document(io.BytesIO(rendered))


def paragraph_starting(document: DocxDocument, start: str) -> Paragraph:
    return next(p for p in document.paragraphs if p.text.startswith(start))


def all_paragraphs(document: DocxDocument) -> list[Paragraph]:
    in_tables = [p for t in document.tables for c in t._cells for p in c.paragraphs]
    return [*document.paragraphs, *in_tables]


def east_asian_font(run: Run) -> str | None:
    fonts = run._r.get_or_add_rPr().find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def points(run: Run) -> float:
    assert run.font.size is not None
    return run.font.size.pt


# --- the standard as data ---------------------------------------------------------------------


def test_the_page_spec_adds_up_to_a4():
    assert GBT9704.left_margin_mm + GBT9704.text_width_mm + GBT9704.right_margin_mm == 210
    assert GBT9704.top_margin_mm + GBT9704.text_height_mm + GBT9704.bottom_margin_mm == 297


def test_twenty_two_lines_fit_the_text_block_but_a_twenty_third_does_not():
    block = GBT9704.text_height_mm * POINTS_PER_MM
    assert 22 * GBT9704.line_pitch_pt <= block < 23 * GBT9704.line_pitch_pt


def test_the_spec_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        GBT9704.top_margin_mm = 30  # type: ignore[misc]


# --- page set-up ------------------------------------------------------------------------------


def test_the_file_opens_with_python_docx(document: DocxDocument):
    assert document.paragraphs


def test_the_page_is_a4_with_the_standard_margins(rendered: bytes):
    setup = docx_page_setup(rendered)
    assert setup["page_width_mm"] == pytest.approx(210, abs=0.5)
    assert setup["page_height_mm"] == pytest.approx(297, abs=0.5)
    assert setup["top_margin_mm"] == pytest.approx(37, abs=0.5)
    assert setup["left_margin_mm"] == pytest.approx(28, abs=0.5)
    assert setup["right_margin_mm"] == pytest.approx(26, abs=0.5)
    assert setup["bottom_margin_mm"] == pytest.approx(35, abs=0.5)


def test_the_page_setup_names_the_standard_fonts(rendered: bytes):
    setup = docx_page_setup(rendered)
    assert {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"} <= set(
        setup["east_asian_fonts"]
    )
    assert set(setup["east_asian_fonts"]) <= set(setup["fonts"])


def test_body_lines_are_exactly_one_line_pitch(document: DocxDocument):
    body = paragraph_starting(document, "根据")
    assert body.paragraph_format.line_spacing is not None
    assert body.paragraph_format.line_spacing.pt == pytest.approx(28.95, abs=0.05)


def test_twenty_eight_condensed_characters_fill_a_line(document: DocxDocument):
    run = paragraph_starting(document, "根据").runs[0]
    spacing = run._r.get_or_add_rPr().find(qn("w:spacing"))
    advance = 16 + int(spacing.get(qn("w:val"))) / 20
    line = GBT9704.text_width_mm * POINTS_PER_MM
    assert 28 * advance <= line < 29 * advance


def test_the_document_is_in_simplified_chinese(rendered: bytes, document: DocxDocument):
    assert document.core_properties.language == "zh-CN"
    language = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert language.get(qn("w:eastAsia")) == "zh-CN"


# --- 版头 -------------------------------------------------------------------------------------


def test_the_issuer_is_red_centred_xiaobiaosong(document: DocxDocument):
    issuer = paragraph_starting(document, "中共示范县纪委监委派驻纪检监察组")
    assert issuer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    run = issuer.runs[0]
    assert str(run.font.color.rgb) == "FF0000"
    assert east_asian_font(run) == "方正小标宋简体"


def test_a_long_issuer_shrinks_to_stay_on_one_line(document: DocxDocument):
    run = paragraph_starting(document, "中共示范县纪委监委派驻纪检监察组").runs[0]
    assert 16 * points(run) <= GBT9704.text_width_mm * POINTS_PER_MM


def test_the_issuer_top_is_35_mm_below_the_text_block(document: DocxDocument):
    issuer = paragraph_starting(document, "中共示范县纪委监委派驻纪检监察组")
    assert issuer.paragraph_format.space_before is not None
    two_lines_above = 2 * GBT9704.line_pitch_pt  # 份号 line and 密级 line
    assert issuer.paragraph_format.space_before.pt + two_lines_above == pytest.approx(
        35 * POINTS_PER_MM, abs=0.5
    )


def test_secrecy_is_heiti_on_the_second_line(document: DocxDocument):
    assert document.paragraphs[0].text == ""
    secrecy = document.paragraphs[1]
    assert secrecy.text == "内部"
    assert east_asian_font(secrecy.runs[0]) == "黑体"
    assert points(secrecy.runs[0]) == 16


def test_the_number_is_centred_two_lines_below_the_issuer(document: DocxDocument):
    texts = [p.text for p in document.paragraphs]
    issuer = texts.index("中共示范县纪委监委派驻纪检监察组")
    assert texts[issuer + 1 : issuer + 4] == ["", "", "示纪提〔2026〕3号"]
    assert document.paragraphs[issuer + 3].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_a_red_rule_as_wide_as_the_block_runs_under_the_number(document: DocxDocument):
    number = paragraph_starting(document, "示纪提")
    border = number._p.get_or_add_pPr().find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert border is not None
    assert border.get(qn("w:color")) == "FF0000"
    assert number.paragraph_format.left_indent is None  # so the rule spans the text block


# --- 主体 -------------------------------------------------------------------------------------


def test_the_title_is_22_pt_xiaobiaosong_two_lines_below_the_rule(document: DocxDocument):
    texts = [p.text for p in document.paragraphs]
    number = texts.index("示纪提〔2026〕3号")
    title = document.paragraphs[number + 3]
    assert texts[number + 1 : number + 3] == ["", ""]
    assert title.text.startswith("关于落实")
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for run in title.runs:
        assert points(run) == 22
        assert east_asian_font(run) == "方正小标宋简体"


def test_a_line_break_in_the_title_is_kept(document: DocxDocument):
    title = paragraph_starting(document, "关于落实")
    assert title.text == "关于落实全面从严治党主体责任的\n监督工作提示单"


def test_the_recipient_ends_with_a_full_width_colon(document: DocxDocument):
    recipient = paragraph_starting(document, "中共示范县教育局党组")
    assert recipient.text == "中共示范县教育局党组："
    assert recipient.paragraph_format.first_line_indent is None  # 顶格


def test_a_recipient_with_a_colon_gets_only_one():
    document = Document(io.BytesIO(render_docx(make_document(recipient="各党支部:"))))
    assert paragraph_starting(document, "各党支部").text == "各党支部："


def test_body_text_is_16_pt_fangsong_indented_two_characters(document: DocxDocument):
    body = paragraph_starting(document, "根据")
    run = body.runs[0]
    assert points(run) == 16
    assert east_asian_font(run) == "仿宋_GB2312"
    assert body.paragraph_format.first_line_indent is not None
    assert body.paragraph_format.first_line_indent.pt == pytest.approx(2 * 15.75, abs=0.1)


def test_a_first_level_heading_is_heiti(document: DocxDocument):
    heading = paragraph_starting(document, "一、")
    assert [east_asian_font(run) for run in heading.runs] == ["黑体"]
    assert points(heading.runs[0]) == 16


def test_a_second_level_heading_is_kaiti_and_its_text_fangsong(document: DocxDocument):
    heading = paragraph_starting(document, "（一）")
    assert [run.text for run in heading.runs] == [
        "（一）加强组织领导。", "党组要定期研究部署全面从严治党工作。",
    ]
    assert [east_asian_font(run) for run in heading.runs] == ["楷体_GB2312", "仿宋_GB2312"]


def test_third_level_headings_stay_fangsong(document: DocxDocument):
    heading = paragraph_starting(document, "1.建立")
    assert [east_asian_font(run) for run in heading.runs] == ["仿宋_GB2312"]


def test_several_attachments_are_numbered_under_one_label(document: DocxDocument):
    texts = [p.text for p in document.paragraphs]
    first = texts.index("附件：1.整改任务清单")
    assert texts[first - 1] == ""  # 正文下空一行
    assert texts[first + 1] == "2.问题线索处置情况统计表"


def test_a_single_attachment_is_not_numbered():
    document = Document(io.BytesIO(render_docx(make_document(attachments=["整改任务清单。"]))))
    assert "附件：整改任务清单" in [p.text for p in document.paragraphs]


def test_the_date_is_written_in_full_without_zero_padding(document: DocxDocument):
    assert chinese_date(datetime.date(2026, 1, 5)) == "2026年1月5日"
    date = paragraph_starting(document, "2026年1月5日")
    assert date.text == "2026年1月5日"


def test_the_date_ends_four_characters_from_the_right(document: DocxDocument):
    date = paragraph_starting(document, "2026年1月5日")
    assert date.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert date.paragraph_format.right_indent is not None
    assert date.paragraph_format.right_indent.pt == pytest.approx(4 * 15.75, abs=0.1)


def right_indent_in_characters(paragraph: Paragraph) -> float:
    indent = paragraph.paragraph_format.right_indent
    return 0 if indent is None else indent.pt / 15.75


@pytest.mark.parametrize(
    ("signer", "signer_width"), [("示范县纪委", 5), ("示范县纪委监委派驻纪检监察组", 14)]
)
def test_the_signer_is_centred_over_the_date(signer: str, signer_width: float):
    document = Document(io.BytesIO(render_docx(make_document(signer=signer))))
    texts = [p.text for p in document.paragraphs]
    signed = document.paragraphs[texts.index(signer)]
    date = document.paragraphs[texts.index("2026年1月5日")]
    assert texts.index("2026年1月5日") == texts.index(signer) + 1
    assert signed.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    date_width = 6  # "2026年1月5日": six half-width digits and three characters
    date_centre = right_indent_in_characters(date) + date_width / 2
    signer_centre = right_indent_in_characters(signed) + signer_width / 2
    assert signer_centre == pytest.approx(date_centre, abs=0.01)


def test_room_for_the_seal_is_left_above_the_signer(document: DocxDocument):
    texts = [p.text for p in document.paragraphs]
    signer = texts.index("示范县纪委监委派驻纪检监察组")
    assert texts[signer - 2 : signer] == ["", ""]


# --- 版记 and 页码 ----------------------------------------------------------------------------


def test_the_imprint_has_thick_outer_and_thin_middle_rules(document: DocxDocument):
    table = document.tables[0]
    assert [row.cells[0].text for row in table.rows] == [
        "抄送：县纪委监委党风政风监督室，县委组织部。",
        "示范县纪委监委派驻纪检监察组\t2026年1月5日印发",
    ]
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    widths = {side: borders.find(qn(f"w:{side}")).get(qn("w:sz")) for side in ("top", "bottom")}
    assert widths == {"top": "8", "bottom": "8"}  # 0.35 mm ≈ 1 pt
    assert borders.find(qn("w:insideH")).get(qn("w:sz")) == "6"  # 0.25 mm ≈ 0.75 pt
    assert borders.find(qn("w:left")).get(qn("w:val")) == "nil"


def test_the_imprint_is_4_hao_fangsong(document: DocxDocument):
    for row in document.tables[0].rows:
        for run in row.cells[0].paragraphs[0].runs:
            assert points(run) == 14
            assert east_asian_font(run) == "仿宋_GB2312"


def test_the_imprint_floats_at_the_bottom_of_the_text_block(document: DocxDocument):
    position = document.tables[0]._tbl.tblPr.find(qn("w:tblpPr"))
    assert position.get(qn("w:vertAnchor")) == "margin"
    assert position.get(qn("w:tblpYSpec")) == "bottom"


def test_no_imprint_without_copy_to_or_printer():
    document = Document(io.BytesIO(render_docx(make_document(copy_to="", printer=""))))
    assert document.tables == []


def footer_xml_checks(paragraph: Paragraph) -> None:
    xml = paragraph._p.xml
    assert "PAGE" in "".join(t.text or "" for t in paragraph._p.iter(qn("w:instrText")))
    assert [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))] == [
        "begin", "separate", "end",
    ]
    assert paragraph.text.startswith("—") and paragraph.text.endswith("—")
    assert paragraph.text == "— 1 —"
    assert 'w:eastAsia="宋体"' in xml
    assert all(points(run) == 14 for run in paragraph.runs)


def test_odd_pages_number_on_the_right(document: DocxDocument):
    odd = document.sections[0].footer.paragraphs[0]
    footer_xml_checks(odd)
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert odd.paragraph_format.right_indent is not None
    assert odd.paragraph_format.right_indent.pt == pytest.approx(14)


def test_even_pages_number_on_the_left(document: DocxDocument):
    even = document.sections[0].even_page_footer.paragraphs[0]
    footer_xml_checks(even)
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert even.paragraph_format.left_indent is not None
    assert even.paragraph_format.left_indent.pt == pytest.approx(14)


def test_odd_and_even_footers_are_switched_on(rendered: bytes, document: DocxDocument):
    assert document.settings.odd_and_even_pages_header_footer
    assert docx_page_setup(rendered)["even_and_odd_headers"] is True


# --- optional parts and bad input -------------------------------------------------------------


def test_a_minimal_document_renders():
    minimal = OfficialDocument(
        issuer="示范县纪委监委", number="示纪〔2026〕1号", title="通知", recipient="",
        body=["特此通知。"],
    )
    document = Document(io.BytesIO(render_docx(minimal)))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "示范县纪委监委"  # no 密级: the 标志 comes first
    assert "特此通知。" in texts
    assert not any(text.startswith("附件") for text in texts)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "公文标题不能为空"),
        ({"title": "  \n "}, "公文标题不能为空"),
        ({"issuer": ""}, "发文机关标志不能为空"),
        ({"number": ""}, "发文字号不能为空"),
        ({"body": ["", "  "]}, "公文正文不能为空"),
    ],
)
def test_missing_parts_are_refused_in_chinese(changes: dict[str, object], message: str):
    with pytest.raises(ValueError, match=message):
        make_document(**changes)


@pytest.mark.parametrize(
    "number", ["示纪提[2026]3号", "示纪提〔2026〕第3号", "示纪提〔2026〕03号", "示纪提（2026）3号"]
)
def test_a_document_number_against_the_standard_is_refused(number: str):
    with pytest.raises(ValueError, match="六角括号"):
        make_document(number=number)


def test_the_document_is_immutable_even_through_its_lists():
    paragraphs = ["特此通知。"]
    document = make_document(body=paragraphs)
    paragraphs.append("后加的段落")
    assert document.body == ("特此通知。",)


def test_a_body_passed_as_one_string_is_a_programming_error():
    with pytest.raises(TypeError):
        make_document(body="特此通知。")


@pytest.mark.parametrize("data", [b"", b"not a docx", b"PK\x03\x04broken"])
def test_page_setup_refuses_what_is_not_a_docx(data: bytes):
    with pytest.raises(ValueError, match="Word"):
        docx_page_setup(data)


def test_every_text_run_names_an_east_asian_font(document: DocxDocument):
    runs: list[Run] = [run for p in all_paragraphs(document) for run in p.runs if run.text]
    assert runs
    assert [run.text for run in runs if east_asian_font(run) is None] == []
