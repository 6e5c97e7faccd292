"""Documents built in memory for the reader tests: a .docx whose outline lives in Word's
automatic numbering, and a PDF whose text layer holds Chinese (a Type0 font with a ToUnicode
map, which is how office software writes one)."""

import io
from typing import Any

import docx
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Level 0 "一、", level 1 "（一）", level 2 "1." — as a 工作要点 template defines them.
LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


def _numbering_xml(num_id: int) -> tuple[Any, Any]:
    levels = "".join(
        f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>' for n, (fmt, text) in enumerate(LEVELS))
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{num_id}">'
                         f"{levels}</w:abstractNum>")
    num = parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="{num_id}">'
                    f'<w:abstractNumId w:val="{num_id}"/></w:num>')
    return abstract, num


def auto_numbered_docx(lines: list[tuple[int | None, str]], *, masthead: list[str] = (),
                       table: list[list[str]] = ()) -> bytes:
    """A .docx: ``masthead`` lines, then ``lines`` — (level, text), level None for a plain
    paragraph — numbered by Word, then a table of ``table`` rows."""
    document = docx.Document()
    for line in masthead:
        document.add_paragraph(line)
    numbering = document.part.numbering_part.element
    num_id = 90
    abstract, num = _numbering_xml(num_id)
    numbering.insert(0, abstract)
    numbering.append(num)
    for level, text in lines:
        paragraph = document.add_paragraph(text)
        if level is not None:
            p_pr = paragraph._p.get_or_add_pPr()
            p_pr.append(parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{num_id}"/></w:numPr>'))
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer reads ``lines``, one per line."""
    chars = sorted({c for line in lines for c in line})
    cid = {c: n + 1 for n, c in enumerate(chars)}
    cmap_lines = "\n".join(f"<{cid[c]:04X}> <{ord(c):04X}>" for c in chars)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(chars)} beginbfchar\n{cmap_lines}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    shows = []
    for n, line in enumerate(lines):
        hexed = "".join(f"{cid[c]:04X}" for c in line)
        shows.append(f"BT /F1 12 Tf 40 {800 - 20 * n} Td <{hexed}> Tj ET")
    content = "\n".join(shows)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
            ).encode()
    return out
