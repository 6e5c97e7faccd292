"""Word output in the format of GB/T 9704-2012 《党政机关公文格式》.

The standard's numbers live in ``PageSpec`` and the font constants, each with its clause, so a
reviewer can check them against the standard without reading the layout code. Clause numbers
follow the 2012 text (see /work/shared/domain/rules.md §7).

This module is a bottom layer: it knows nothing of organisations, people or permissions. Callers
build an ``OfficialDocument`` and get the .docx bytes back.
"""

from __future__ import annotations

import datetime
import io
import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

POINTS_PER_MM = 72 / 25.4
TWIPS_PER_POINT = 20


@dataclass(frozen=True)
class PageSpec:
    """The page as GB/T 9704-2012 lays it out. Lengths in mm, font sizes in pt."""

    paper_width_mm: float = 210  # 5.1 幅面尺寸: A4 (GB/T 148), 210 mm × 297 mm
    paper_height_mm: float = 297  # 5.1
    top_margin_mm: float = 37  # 5.2.1 天头（上白边）37 mm ± 1 mm
    left_margin_mm: float = 28  # 5.2.1 订口（左白边）28 mm ± 1 mm
    text_width_mm: float = 156  # 5.2.1 版心 156 mm × 225 mm（不含页码）
    text_height_mm: float = 225  # 5.2.1
    right_margin_mm: float = 26  # 5.2.1 implied: 210 − 28 − 156
    bottom_margin_mm: float = 35  # 5.2.1 implied: 297 − 37 − 225
    lines_per_page: int = 22  # 5.2.3 一般每面排22行
    chars_per_line: int = 28  # 5.2.3 每行排28个字，并撑满版心
    body_font_pt: float = 16  # 5.2.2 3号仿宋 (3号 = 16 pt)
    title_font_pt: float = 22  # 7.3.1 2号小标宋 (2号 = 22 pt)
    imprint_font_pt: float = 14  # 7.4.2, 7.4.3 抄送、印发 4号仿宋 (4号 = 14 pt)
    page_number_font_pt: float = 14  # 7.5 4号半角宋体
    # 5.2.3: 225 mm / 22 lines = 28.99 pt; Word's exact spacing of 28.95 pt keeps all 22 lines
    # inside the block (22 × 29 pt would overflow it by a fraction of a point).
    line_pitch_pt: float = 28.95
    issuer_top_mm: float = 35  # 7.2.4 标志上边缘至版心上边缘 35 mm
    issuer_max_font_pt: float = 42  # 7.2.4 leaves the size open (醒目、美观、庄重); 初号 at most
    separator_gap_mm: float = 4  # 7.2.7 发文字号之下 4 mm 处印红色分隔线，与版心等宽
    separator_width_pt: float = 1  # 7.2.7 gives no width; 1 pt matches the thick 版记 line
    date_right_chars: int = 4  # 7.3.5.1 加盖印章: 成文日期右空四字
    imprint_thick_mm: float = 0.35  # 7.4.1 首条、末条分隔线用粗线（推荐 0.35 mm）
    imprint_thin_mm: float = 0.25  # 7.4.1 中间分隔线用细线（推荐 0.25 mm）
    imprint_indent_chars: int = 1  # 7.4.2, 7.4.3 左右各空一字
    page_number_gap_mm: float = 7  # 7.5 一字线上距版心下边缘 7 mm
    page_number_indent_chars: int = 1  # 7.5 单页码居右空一字，双页码居左空一字

    @property
    def text_width_pt(self) -> float:
        return self.text_width_mm * POINTS_PER_MM

    @property
    def char_pitch_pt(self) -> float:
        """One 字 (3.1) on the 28-per-line grid: slightly narrower than a 16 pt character."""
        return self.text_width_pt / self.chars_per_line


GBT9704 = PageSpec()

# 5.2.2, 7.2.4, 7.3.1, 7.3.3, 7.5: the font names Chinese offices have installed. Debian has none
# of them; the names still go into the file because users open it on their own machines.
FANGSONG = "仿宋_GB2312"  # 正文 and most elements
XIAOBIAOSONG = "方正小标宋简体"  # 发文机关标志, 标题
HEITI = "黑体"  # 密级, first-level headings "一、"
KAITI = "楷体_GB2312"  # second-level headings "（一）"
SONGTI = "宋体"  # page numbers (半角宋体)

RED = RGBColor(0xFF, 0x00, 0x00)  # 7.2.4, 7.2.7 红色; print shops use Y80 M80 (clause 6)
EM_DASH = "—"  # 7.5 一字线 on each side of the page number

LEVEL_ONE_HEADING = re.compile(r"^[一二三四五六七八九十百]+、")  # 7.3.3 第一层 → 黑体
LEVEL_TWO_HEADING = re.compile(r"^（[一二三四五六七八九十百]+）")  # 7.3.3 第二层 → 楷体
DOCUMENT_NUMBER = re.compile(r"〔\d{4}〕[1-9]\d*号$")  # 7.2.5 六角括号, no 第, no leading 0


@dataclass(frozen=True, kw_only=True)
class OfficialDocument:
    """One 公文. Empty optional fields are left out of the page."""

    issuer: str  # 发文机关标志, printed red, centred, 小标宋
    number: str  # 发文字号, e.g. "示纪提〔2026〕3号"
    title: str  # 标题; "\n" marks a chosen line break (7.3.1 梯形或菱形)
    recipient: str  # 主送机关; the full-width colon is added when missing
    body: Sequence[str]  # paragraphs of 正文
    attachments: Sequence[str] = ()  # 附件说明 names
    signer: str = ""  # 发文机关署名
    date: datetime.date | None = None  # 成文日期
    copy_to: str = ""  # 抄送机关 in 版记
    printer: str = ""  # 印发机关 in 版记
    printed_on: datetime.date | None = None  # 印发日期; defaults to the 成文日期
    secrecy: str = ""  # 密级和保密期限

    def __post_init__(self) -> None:
        if isinstance(self.body, str) or isinstance(self.attachments, str):
            raise TypeError("body and attachments are lists of paragraphs, not one string")
        _require(self.issuer, "发文机关标志不能为空")
        _require(self.title, "公文标题不能为空")
        _require(self.number, "发文字号不能为空")
        if not DOCUMENT_NUMBER.search(self.number.strip()):
            raise ValueError(
                f"发文字号“{self.number}”格式不正确：应如“示纪提〔2026〕3号”，"
                "年份用六角括号〔〕，序号不编虚位、不加“第”字"
            )
        if not any(paragraph.strip() for paragraph in self.body):
            raise ValueError("公文正文不能为空")
        # Freeze the sequences too, so a caller's later edit cannot change a built document.
        object.__setattr__(self, "body", tuple(self.body))
        object.__setattr__(self, "attachments", tuple(self.attachments))


def _require(value: str, message: str) -> None:
    if not value or not value.strip():
        raise ValueError(message)


def chinese_date(day: datetime.date) -> str:
    """7.3.5.4: Arabic numerals, year in full, no zero padding: 2026年1月5日."""
    return f"{day.year}年{day.month}月{day.day}日"


def render_docx(doc: OfficialDocument, *, spec: PageSpec = GBT9704) -> bytes:
    """Lay out ``doc`` as a GB/T 9704-2012 公文 and return the .docx file's bytes."""
    document = Document()
    _set_up_page(document, spec)
    _set_document_defaults(document, spec)
    _add_header_zone(document, doc, spec)
    _add_main_zone(document, doc, spec)
    _add_imprint_zone(document, doc, spec)
    _add_page_numbers(document, spec)
    _set_properties(document, doc)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- page and defaults ------------------------------------------------------------------------


def _set_up_page(document: DocxDocument, spec: PageSpec) -> None:
    section = document.sections[0]
    section.page_width = Mm(spec.paper_width_mm)
    section.page_height = Mm(spec.paper_height_mm)
    section.top_margin = Mm(spec.top_margin_mm)
    section.bottom_margin = Mm(spec.bottom_margin_mm)
    section.left_margin = Mm(spec.left_margin_mm)
    section.right_margin = Mm(spec.right_margin_mm)
    section.header_distance = Mm(15)  # no header is used; any value inside the top margin
    section.footer_distance = Mm(_footer_distance_mm(spec))
    _set_document_grid(section._sectPr, spec)
    # 7.5: odd pages right, even pages left, so the two need separate footers.
    document.settings.odd_and_even_pages_header_footer = True


def _footer_distance_mm(spec: PageSpec) -> float:
    """Put the page number's 一字线 (mid-height of its line) 7 mm below the text block (7.5)."""
    half_line_mm = spec.page_number_font_pt / 2 / POINTS_PER_MM
    return spec.bottom_margin_mm - spec.page_number_gap_mm - half_line_mm


def _set_document_grid(sect_pr: BaseOxmlElement, spec: PageSpec) -> None:
    """5.2.3 22 lines × 28 characters come from exact line spacing and condensed characters,
    not from Word's document grid, which is left off but given the right pitch.

    LibreOffice (7.4, checked) lays a grid out differently from Word: it puts each 16 pt
    character into two of Word's narrowed 15.8 pt cells and each 22 pt title line into two grid
    lines. Exact spacing and ``_body_character_spacing_pt`` need no grid support from the reader.
    """
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.attrib.pop(qn("w:type"), None)  # no grid
    grid.attrib.pop(qn("w:charSpace"), None)
    grid.set(qn("w:linePitch"), str(round(spec.line_pitch_pt * TWIPS_PER_POINT)))


def _body_character_spacing_pt(spec: PageSpec) -> float:
    """5.2.3 28 字 per line: 16 pt characters are 448 pt for a 442.2 pt line, so each one is
    condensed, rounded down to Word's 1/20 pt so that the 28th still fits (−0.25 pt)."""
    return math.floor((spec.char_pitch_pt - spec.body_font_pt) * TWIPS_PER_POINT) / TWIPS_PER_POINT


def _set_document_defaults(document: DocxDocument, spec: PageSpec) -> None:
    """3号仿宋, exact line pitch, Chinese language: what a user typing into the file gets."""
    styles = document.styles.element
    run_defaults = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if run_defaults is not None:
        _set_font_name(run_defaults, FANGSONG)
        _set_size(run_defaults, spec.body_font_pt)
        _set_language(run_defaults)
    # The Normal style states 3号 and the 28-per-line spacing itself, so text a user types or
    # pastes into the file keeps to the standard's page.
    normal_style = document.styles["Normal"].element
    normal_run = _ordered_child(normal_style, "w:rPr", STYLE_ORDER)
    _set_font_name(normal_run, FANGSONG)
    _set_size(normal_run, spec.body_font_pt)
    _set_character_spacing(normal_run, _body_character_spacing_pt(spec))
    normal = document.styles["Normal"].paragraph_format
    normal.space_before = Pt(0)
    normal.space_after = Pt(0)
    normal.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.line_spacing = Pt(spec.line_pitch_pt)
    normal.widow_control = False  # widow control would break the 22-line grid (5.2.3)
    # Word and LibreOffice otherwise widen the gap between Chinese and digits or Latin letters,
    # which pushes the 28th character of a line onto the next (5.2.3).
    normal_paragraph = _ordered_child(normal_style, "w:pPr", STYLE_ORDER)
    for switch in ("w:autoSpaceDE", "w:autoSpaceDN"):
        _ordered_child(normal_paragraph, switch, PARAGRAPH_PROPERTY_ORDER).set(qn("w:val"), "0")
    theme_language = document.settings.element.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:eastAsia"), "zh-CN")


def _set_properties(document: DocxDocument, doc: OfficialDocument) -> None:
    properties = document.core_properties
    properties.title = doc.title.replace("\n", "")
    properties.author = doc.signer or doc.issuer
    properties.last_modified_by = doc.signer or doc.issuer
    properties.language = "zh-CN"
    properties.comments = ""
    properties.keywords = doc.number


# --- 版头 (7.2) -------------------------------------------------------------------------------


def _add_header_zone(document: DocxDocument, doc: OfficialDocument, spec: PageSpec) -> None:
    lines_used = 0
    if doc.secrecy.strip():
        _blank_lines(document, spec, 1)  # 7.2.1 line 1 belongs to the 份号
        paragraph = _body_paragraph(document, spec)
        _add_body_run(paragraph, doc.secrecy.strip(), HEITI, spec)  # 7.2.2 line 2
        lines_used = 2
    _add_issuer(document, doc.issuer.strip(), spec, lines_used)
    _blank_lines(document, spec, 2)  # 7.2.5 发文字号 in the 标志 下空二行
    number = _body_paragraph(document, spec, align=WD_ALIGN_PARAGRAPH.CENTER)
    _add_body_run(number, doc.number.strip(), FANGSONG, spec)
    # 7.2.7 the red separator, as wide as the text block, 4 mm below the number's characters.
    # Word measures the gap from the bottom of the line, which lies half the leading lower.
    half_leading = (spec.line_pitch_pt - spec.body_font_pt) / 2
    gap = spec.separator_gap_mm * POINTS_PER_MM - half_leading
    _add_border(number, "bottom", width_pt=spec.separator_width_pt, colour=str(RED), space_pt=gap)


def _add_issuer(document: DocxDocument, issuer: str, spec: PageSpec, lines_used: int) -> None:
    """7.2.4: red 小标宋, centred, its top edge 35 mm below the top of the text block."""
    size = _issuer_font_pt(issuer, spec)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    above = spec.issuer_top_mm * POINTS_PER_MM - lines_used * spec.line_pitch_pt
    fmt.space_before = Pt(max(above, 0))
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(size)  # the line box is the glyph box, so its top is the 标志's top
    _add_run(paragraph, issuer, XIAOBIAOSONG, size, colour=RED)


def _issuer_font_pt(issuer: str, spec: PageSpec) -> float:
    """As large as 初号 allows while the whole 标志 stays on one line of the text block."""
    fitting = spec.text_width_pt / max(_width_in_chars(issuer), 1)
    return min(spec.issuer_max_font_pt, int(fitting * 2) / 2)  # round down to half points


# --- 主体 (7.3) -------------------------------------------------------------------------------


def _add_main_zone(document: DocxDocument, doc: OfficialDocument, spec: PageSpec) -> None:
    _blank_lines(document, spec, 2)  # 7.3.1 标题 in the 红色分隔线下空二行
    _add_title(document, doc.title.strip(), spec)
    if doc.recipient.strip():
        _blank_lines(document, spec, 1)  # 7.3.2 标题下空一行, 居左顶格
        paragraph = _body_paragraph(document, spec)
        _add_body_run(paragraph, _with_colon(doc.recipient.strip()), FANGSONG, spec)
    for text in doc.body:
        if text.strip():
            _add_body_paragraph(document, text.strip(), spec)
    _add_attachment_note(document, doc.attachments, spec)
    _add_signature(document, doc.signer.strip(), doc.date, spec)


def _add_title(document: DocxDocument, title: str, spec: PageSpec) -> None:
    paragraph = _body_paragraph(document, spec, align=WD_ALIGN_PARAGRAPH.CENTER)
    lines = [line.strip() for line in title.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        run = _add_run(paragraph, line, XIAOBIAOSONG, spec.title_font_pt)
        if index < len(lines) - 1:
            run.add_break()  # the caller's chosen line break (7.3.1 梯形或菱形)


def _with_colon(recipient: str) -> str:
    return recipient.rstrip(":：") + "："  # 7.3.2 主送机关 ends with a full-width colon


def _add_body_paragraph(document: DocxDocument, text: str, spec: PageSpec) -> None:
    """7.3.3: 3号仿宋, first line indented 2 字; headings 一、 in 黑体, （一） in 楷体."""
    paragraph = _body_paragraph(document, spec)
    _indent(paragraph, _body_char_pt(spec), first_line=2)
    heading_font = _heading_font(text)
    if heading_font is None:
        _add_body_run(paragraph, text, FANGSONG, spec)
        return
    heading, rest = _split_heading(text)
    _add_body_run(paragraph, heading, heading_font, spec)
    if rest:
        _add_body_run(paragraph, rest, FANGSONG, spec)


def _heading_font(text: str) -> str | None:
    if LEVEL_ONE_HEADING.match(text):
        return HEITI
    if LEVEL_TWO_HEADING.match(text):
        return KAITI
    return None


def _split_heading(text: str) -> tuple[str, str]:
    """A heading followed by its text in one paragraph: only the heading sentence changes font."""
    end = text.find("。")
    if end == -1:
        return text, ""
    return text[: end + 1], text[end + 1 :]


def _add_attachment_note(
    document: DocxDocument, attachments: Sequence[str], spec: PageSpec
) -> None:
    """7.3.4: 正文下空一行、左空二字, "附件：" and the names; several are numbered 1. 2. …

    Wrapped lines align with the first character of the name above, hence the hanging indents.
    """
    names = [name.strip().rstrip("。.；;，,") for name in attachments if name.strip()]
    if not names:
        return
    _blank_lines(document, spec, 1)
    numbered = len(names) > 1
    label_chars = 3  # "附件："
    number_chars = 1 if numbered else 0  # "1." is two half-width characters
    for index, name in enumerate(names):
        text = f"{index + 1}.{name}" if numbered else name
        paragraph = _body_paragraph(document, spec)
        if index == 0:
            text = "附件：" + text
            hanging = label_chars + number_chars
        else:
            hanging = number_chars
        left = 2 + label_chars + number_chars
        _indent(paragraph, _body_char_pt(spec), left=left, hanging=hanging)
        _add_body_run(paragraph, text, FANGSONG, spec)


def _add_signature(
    document: DocxDocument, signer: str, date: datetime.date | None, spec: PageSpec
) -> None:
    """7.3.5.1 (with a seal): 成文日期右空四字; the 署名 centred over the date.

    Two blank lines leave room for a seal whose top sits within one line of the body and which
    presses on both the 署名 and the date.
    """
    if not signer and date is None:
        return
    _blank_lines(document, spec, 2)
    date_text = chinese_date(date) if date else ""
    if signer:
        offset = (_width_in_chars(date_text) - _width_in_chars(signer)) / 2 if date_text else 0
        paragraph = _body_paragraph(document, spec, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _indent(paragraph, _body_char_pt(spec), right=max(spec.date_right_chars + offset, 0))
        _add_body_run(paragraph, signer, FANGSONG, spec)
    if date_text:
        paragraph = _body_paragraph(document, spec, align=WD_ALIGN_PARAGRAPH.RIGHT)
        _indent(paragraph, _body_char_pt(spec), right=spec.date_right_chars)
        _add_body_run(paragraph, date_text, FANGSONG, spec)


def _width_in_chars(text: str) -> float:
    """Width in 字 (3.1): ASCII digits and letters are half-width."""
    return sum(0.5 if ord(char) < 0x80 else 1 for char in text)


# --- 版记 (7.4) -------------------------------------------------------------------------------


def _add_imprint_zone(document: DocxDocument, doc: OfficialDocument, spec: PageSpec) -> None:
    """7.4: 抄送 and 印发 between rules, the last rule on the bottom edge of the text block.

    The lines are rows of a borderless table that floats at the bottom of the text block, so the
    last rule lands on the block's edge however long the body is (7.4.1).
    """
    rows: list[tuple[str, datetime.date | None]] = []
    if doc.copy_to.strip():
        rows.append(("copy_to", None))
    if doc.printer.strip():
        rows.append(("printer", doc.printed_on or doc.date))
    if not rows:
        return
    table = document.add_table(rows=len(rows), cols=1)
    _float_at_bottom_of_text_block(table._tbl, spec)
    for row, (kind, printed_on) in zip(table.rows, rows, strict=True):
        paragraph = row.cells[0].paragraphs[0]
        _imprint_line_format(paragraph, spec)
        if kind == "copy_to":
            _fill_copy_to(paragraph, doc.copy_to.strip(), spec)
        else:
            _fill_printer(paragraph, doc.printer.strip(), printed_on, spec)
    # A document must end with a paragraph; this one is the table's anchor. One point high, so
    # it cannot push a page of its own.
    anchor = document.add_paragraph()
    anchor.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    anchor.paragraph_format.line_spacing = Pt(1)


def _float_at_bottom_of_text_block(tbl: BaseOxmlElement, spec: PageSpec) -> None:
    tbl_pr = tbl.tblPr
    position = _ordered_child(tbl_pr, "w:tblpPr", TABLE_PROPERTY_ORDER)
    position.set(qn("w:vertAnchor"), "margin")  # the text block, not the paper
    position.set(qn("w:horzAnchor"), "margin")
    position.set(qn("w:tblpYSpec"), "bottom")
    position.set(qn("w:tblpXSpec"), "center")
    _ordered_child(tbl_pr, "w:tblOverlap", TABLE_PROPERTY_ORDER).set(qn("w:val"), "never")
    width = _ordered_child(tbl_pr, "w:tblW", TABLE_PROPERTY_ORDER)
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(round(spec.text_width_pt * TWIPS_PER_POINT)))  # 7.4.1 与版心等宽
    _ordered_child(tbl_pr, "w:tblLayout", TABLE_PROPERTY_ORDER).set(qn("w:type"), "fixed")
    margins = _ordered_child(tbl_pr, "w:tblCellMar", TABLE_PROPERTY_ORDER)
    for side in ("left", "right"):  # indents come from the paragraphs, in 字
        margin = _ordered_child(margins, f"w:{side}", CELL_MARGIN_ORDER)
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
    borders = _ordered_child(tbl_pr, "w:tblBorders", TABLE_PROPERTY_ORDER)
    thick = spec.imprint_thick_mm * POINTS_PER_MM
    thin = spec.imprint_thin_mm * POINTS_PER_MM
    rules = {"top": thick, "bottom": thick, "insideH": thin}  # 7.4.1 粗、细、粗
    for tag in TABLE_BORDER_ORDER:
        line = _ordered_child(borders, tag, TABLE_BORDER_ORDER)
        _set_border_line(line, rules.get(tag.removeprefix("w:")))


def _imprint_line_format(paragraph: Paragraph, spec: PageSpec) -> None:
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(spec.line_pitch_pt)


def _fill_copy_to(paragraph: Paragraph, copy_to: str, spec: PageSpec) -> None:
    """7.4.2: "抄送：" …, 左右各空一字, wrapped lines under the first name, ending with "。"."""
    label_chars = 3  # "抄送："
    _indent(
        paragraph, spec.imprint_font_pt,
        left=spec.imprint_indent_chars + label_chars, hanging=label_chars,
        right=spec.imprint_indent_chars,
    )
    _add_run(paragraph, "抄送：" + copy_to.rstrip("。.") + "。", FANGSONG, spec.imprint_font_pt)


def _fill_printer(
    paragraph: Paragraph, printer: str, printed_on: datetime.date | None, spec: PageSpec
) -> None:
    """7.4.3: 印发机关左空一字, 印发日期右空一字 followed by "印发"."""
    _indent(paragraph, spec.imprint_font_pt, left=spec.imprint_indent_chars)
    text = printer
    if printed_on is not None:
        stop = spec.text_width_pt - spec.imprint_indent_chars * spec.imprint_font_pt
        paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(stop), WD_TAB_ALIGNMENT.RIGHT)
        text += "\t" + chinese_date(printed_on) + "印发"
    _add_run(paragraph, text, FANGSONG, spec.imprint_font_pt)


# --- 页码 (7.5) -------------------------------------------------------------------------------


def _add_page_numbers(document: DocxDocument, spec: PageSpec) -> None:
    section = document.sections[0]
    indent = spec.page_number_indent_chars
    odd = section.footer.paragraphs[0]
    odd.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # 单页码居右空一字
    _indent(odd, spec.page_number_font_pt, right=indent)
    _add_page_number_runs(odd, spec)
    even = section.even_page_footer.paragraphs[0]
    even.alignment = WD_ALIGN_PARAGRAPH.LEFT  # 双页码居左空一字
    _indent(even, spec.page_number_font_pt, left=indent)
    _add_page_number_runs(even, spec)


def _add_page_number_runs(paragraph: Paragraph, spec: PageSpec) -> None:
    """"— 1 —": 4号半角宋体 digits from a PAGE field between two 一字线."""
    size = spec.page_number_font_pt
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(size)
    _add_run(paragraph, EM_DASH + " ", SONGTI, size)
    _add_field_char(_add_run(paragraph, "", SONGTI, size), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    _add_run(paragraph, "", SONGTI, size)._r.append(instruction)
    _add_field_char(_add_run(paragraph, "", SONGTI, size), "separate")
    _add_run(paragraph, "1", SONGTI, size)  # shown until the field updates
    _add_field_char(_add_run(paragraph, "", SONGTI, size), "end")
    _add_run(paragraph, " " + EM_DASH, SONGTI, size)


def _add_field_char(run: Run, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)


# --- paragraph and run helpers ----------------------------------------------------------------

# ECMA-376 §17.3.1.26 and §17.3.2.28: Word rejects a file whose property elements are out of
# this order, so every element added by hand goes in its place.
PARAGRAPH_PROPERTY_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
    "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
    "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
    "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
    "w:sectPr", "w:pPrChange",
)
RUN_PROPERTY_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
    "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
    "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
    "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
    "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)
STYLE_ORDER = (
    "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden",
    "w:uiPriority", "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal",
    "w:personalCompose", "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr",
    "w:tcPr", "w:tblStylePr",
)
PARAGRAPH_BORDER_ORDER = ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar")
TABLE_PROPERTY_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders",
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
)
TABLE_BORDER_ORDER = ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV")
CELL_MARGIN_ORDER = ("w:top", "w:left", "w:bottom", "w:right")


def _ordered_child(parent: BaseOxmlElement, tag: str, order: Sequence[str]) -> BaseOxmlElement:
    existing = parent.find(qn(tag))
    if existing is not None:
        return existing
    child = OxmlElement(tag)
    successors = {qn(name) for name in order[order.index(tag) + 1 :]}
    following = next((element for element in parent if element.tag in successors), None)
    if following is None:
        parent.append(child)
    else:
        following.addprevious(child)
    return child


def _body_paragraph(
    document: DocxDocument, spec: PageSpec, *, align: WD_ALIGN_PARAGRAPH | None = None
) -> Paragraph:
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(spec.line_pitch_pt)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _blank_lines(document: DocxDocument, spec: PageSpec, count: int) -> None:
    """Empty lines of the body grid: what the standard means by 空一行, 空二行."""
    for _ in range(count):
        _body_paragraph(document, spec)


def _add_run(
    paragraph: Paragraph,
    text: str,
    font: str,
    size_pt: float,
    *,
    colour: RGBColor | None = None,
    spacing_pt: float = 0,
) -> Run:
    """A run in ``font`` at ``size_pt``; the spacing is explicit because Normal condenses."""
    run = paragraph.add_run(text)
    r_pr = run._r.get_or_add_rPr()
    _set_font_name(r_pr, font)
    _set_size(r_pr, size_pt)
    _set_character_spacing(r_pr, spacing_pt)
    if colour is not None:
        run.font.color.rgb = colour
    return run


def _add_body_run(paragraph: Paragraph, text: str, font: str, spec: PageSpec) -> Run:
    """3号 text on the 28-characters-per-line measure (5.2.2, 5.2.3)."""
    return _add_run(
        paragraph, text, font, spec.body_font_pt, spacing_pt=_body_character_spacing_pt(spec)
    )


def _body_char_pt(spec: PageSpec) -> float:
    """The advance of one condensed 3号 character: the 字 that body indents count in."""
    return spec.body_font_pt + _body_character_spacing_pt(spec)


def _set_character_spacing(r_pr: BaseOxmlElement, spacing_pt: float) -> None:
    spacing = _ordered_child(r_pr, "w:spacing", RUN_PROPERTY_ORDER)
    spacing.set(qn("w:val"), str(round(spacing_pt * TWIPS_PER_POINT)))


def _set_font_name(r_pr: BaseOxmlElement, font: str) -> None:
    """Name the font for every script: Word picks Chinese text's font from w:eastAsia alone."""
    fonts = _ordered_child(r_pr, "w:rFonts", RUN_PROPERTY_ORDER)
    for theme_attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme_attribute), None)  # a theme font would override the name
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _set_size(r_pr: BaseOxmlElement, size_pt: float) -> None:
    half_points = str(round(size_pt * 2))
    _ordered_child(r_pr, "w:sz", RUN_PROPERTY_ORDER).set(qn("w:val"), half_points)
    _ordered_child(r_pr, "w:szCs", RUN_PROPERTY_ORDER).set(qn("w:val"), half_points)


def _set_language(r_pr: BaseOxmlElement) -> None:
    language = _ordered_child(r_pr, "w:lang", RUN_PROPERTY_ORDER)
    language.set(qn("w:val"), "zh-CN")
    language.set(qn("w:eastAsia"), "zh-CN")


def _indent(
    paragraph: Paragraph,
    char_pt: float,
    *,
    left: float = 0,
    right: float = 0,
    first_line: float = 0,
    hanging: float = 0,
) -> None:
    """Indent in 字 (3.1), converted to twips at ``char_pt`` per character.

    Word's *Chars attributes would be shorter, but they count in characters of the paragraph
    style's size, so 4号 lines would be indented in 3号 characters.
    """
    ind = _ordered_child(paragraph._p.get_or_add_pPr(), "w:ind", PARAGRAPH_PROPERTY_ORDER)
    values = {"left": left, "right": right, "firstLine": first_line, "hanging": hanging}
    for name, chars in values.items():
        if chars:
            ind.set(qn(f"w:{name}"), str(round(chars * char_pt * TWIPS_PER_POINT)))


def _add_border(
    paragraph: Paragraph,
    side: str,
    *,
    width_pt: float,
    colour: str = "000000",
    space_pt: float = 0,
) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = _ordered_child(p_pr, "w:pBdr", PARAGRAPH_PROPERTY_ORDER)
    line = _ordered_child(borders, f"w:{side}", PARAGRAPH_BORDER_ORDER)
    _set_border_line(line, width_pt, colour=colour, space_pt=space_pt)


def _set_border_line(
    line: BaseOxmlElement,
    width_pt: float | None,
    *,
    colour: str = "000000",
    space_pt: float = 0,
) -> None:
    """A single rule ``width_pt`` thick, or none when ``width_pt`` is None."""
    if width_pt is None:
        line.set(qn("w:val"), "nil")
        return
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(max(2, round(width_pt * 8))))  # eighths of a point
    line.set(qn("w:space"), str(min(31, round(space_pt))))  # points; Word's maximum is 31
    line.set(qn("w:color"), colour)


# --- reading a rendered file back -------------------------------------------------------------


class PageSetup(TypedDict):
    page_width_mm: float
    page_height_mm: float
    top_margin_mm: float
    bottom_margin_mm: float
    left_margin_mm: float
    right_margin_mm: float
    footer_distance_mm: float
    fonts: list[str]  # every font named anywhere (Latin and East Asian), sorted
    east_asian_fonts: list[str]  # the w:eastAsia names: the fonts Chinese text is set in
    even_and_odd_headers: bool


def docx_page_setup(data: bytes) -> PageSetup:
    """Page size, margins and fonts of a .docx, for tests of anything that renders one."""
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise ValueError("不是有效的Word（.docx）文件") from error
    section = document.sections[0]
    fonts, east_asian = _fonts_named(document)
    return PageSetup(
        page_width_mm=_mm(section.page_width),
        page_height_mm=_mm(section.page_height),
        top_margin_mm=_mm(section.top_margin),
        bottom_margin_mm=_mm(section.bottom_margin),
        left_margin_mm=_mm(section.left_margin),
        right_margin_mm=_mm(section.right_margin),
        footer_distance_mm=_mm(section.footer_distance),
        fonts=sorted(fonts),
        east_asian_fonts=sorted(east_asian),
        even_and_odd_headers=bool(document.settings.odd_and_even_pages_header_footer),
    )


def _mm(length: int | None) -> float:
    return round((length or 0) / 36000, 2)  # EMU per mm


def _fonts_named(document: DocxDocument) -> tuple[set[str], set[str]]:
    section = document.sections[0]
    # The body, the footers and the document defaults; not every style the template defines.
    roots = [document.element]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        roots.append(defaults)
    for footer in (section.footer, section.even_page_footer, section.first_page_footer):
        if not footer.is_linked_to_previous:
            roots.append(footer._element)
    fonts: set[str] = set()
    east_asian: set[str] = set()
    for root in roots:
        for element in root.iter(qn("w:rFonts")):
            for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                name = element.get(qn(attribute))
                if name:
                    fonts.add(name)
                    if attribute == "w:eastAsia":
                        east_asian.add(name)
    return fonts, east_asian
