"""Word's automatic numbering (自动编号) written out, and a .docx body read in document order.

A paragraph in a Word list carries no "一、" in its text: it names a list (``w:numId``) and a
level (``w:ilvl``), directly or through its style, and numbering.xml says how that level is
drawn ("%1、" in Chinese counting, "（%2）", "%3." …). Counting runs per list: a level's counter
advances at each of its paragraphs and restarts every deeper level, as Word draws it.
"""

from typing import Any

from .numerals import CIRCLED, ROMAN_CHARS, int_to_roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HAN_DIGITS = "〇一二三四五六七八九"
FULL_WIDTH_DIGITS = "０１２３４５６７８９"
MAX_LEVELS = 9
HAN_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographTraditional", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting"}


def han_numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (up to 99, as outlines count)."""
    if number < 10:
        return HAN_DIGITS[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else HAN_DIGITS[tens]) + "十" + (HAN_DIGITS[units] if units else "")


def formatted(number: int, fmt: str) -> str:
    """One level's number in the format numbering.xml names."""
    if fmt in HAN_FORMATS and 0 < number < 100:
        return han_numeral(number)
    if fmt.startswith("decimalEnclosedCircle") and 0 < number <= len(CIRCLED):
        return CIRCLED[number - 1]
    if fmt == "upperRoman" and 0 < number <= len(ROMAN_CHARS):
        return int_to_roman(number)
    if fmt == "lowerRoman":
        return int_to_roman(number).lower()
    if fmt == "decimalFullWidth":
        return "".join(FULL_WIDTH_DIGITS[int(d)] for d in str(number))
    if fmt in ("upperLetter", "lowerLetter") and 0 < number <= 26:
        letter = chr(ord("A") + number - 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("bullet", "none"):
        return ""
    return str(number)


def _attr(element: Any, child: str) -> str | None:
    found = element.find(f"{W}{child}") if element is not None else None
    return found.get(f"{W}val") if found is not None else None


class Numbering:
    """numbering.xml read once: for (numId, ilvl), the level's start, format and text."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[int, str, str]]] = {}
        for node in root.findall(f"{W}abstractNum"):
            abstract[node.get(f"{W}abstractNumId")] = self._levels(node)
        for num in root.findall(f"{W}num"):
            levels = dict(abstract.get(_attr(num, "abstractNumId") or "", {}))
            for override in num.findall(f"{W}lvlOverride"):
                level = override.find(f"{W}lvl")
                if level is not None:
                    levels.update(self._levels(override))
            self.levels[num.get(f"{W}numId")] = levels

    @staticmethod
    def _levels(node: Any) -> dict[int, tuple[int, str, str]]:
        out = {}
        for level in node.findall(f"{W}lvl"):
            ilvl = int(level.get(f"{W}ilvl") or 0)
            start = _attr(level, "start")
            out[ilvl] = (int(start) if start and start.isdigit() else 1,
                         _attr(level, "numFmt") or "decimal", _attr(level, "lvlText") or "")
        return out


class Counter:
    """The numbers Word draws, paragraph after paragraph."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.counts: dict[str, list[int | None]] = {}

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self.numbering.levels.get(num_id)
        if not levels or ilvl not in levels or not 0 <= ilvl < MAX_LEVELS:
            return ""
        counts = self.counts.setdefault(num_id, [None] * MAX_LEVELS)
        start, _, text = levels[ilvl]
        current = counts[ilvl]
        counts[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counts[deeper] = None
        for level, (level_start, fmt, _) in sorted(levels.items()):
            if f"%{level + 1}" in text:
                value = counts[level] if counts[level] is not None else level_start
                text = text.replace(f"%{level + 1}", formatted(value or level_start, fmt))
        return text


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph's properties, else from its style (and its bases)."""
    p_pr = paragraph._p.pPr
    candidates = [p_pr.find(f"{W}numPr")] if p_pr is not None else []
    style = paragraph.style
    seen = 0
    while style is not None and seen < 10:
        s_pr = style.element.find(f"{W}pPr")
        if s_pr is not None:
            candidates.append(s_pr.find(f"{W}numPr"))
        style, seen = style.base_style, seen + 1
    for num_pr in candidates:
        if num_pr is None:
            continue
        num_id = _attr(num_pr, "numId")
        if num_id is None or num_id == "0":
            return None  # numbering switched off for this paragraph
        ilvl = _attr(num_pr, "ilvl")
        return num_id, int(ilvl) if ilvl and ilvl.isdigit() else 0
    return None


def numbered_lines(document: Any) -> list[str]:
    """Each body paragraph (with its drawn number) and each table cell's paragraphs, in order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    counter = Counter(Numbering(document))
    lines: list[str] = []

    def paragraph_line(paragraph: Any) -> str:
        found = _num_pr(paragraph)
        prefix = counter.label(*found) if found else ""
        return prefix + paragraph.text

    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            lines.append(paragraph_line(Paragraph(child, document)))
        elif child.tag == f"{W}tbl":
            for row in Table(child, document).rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell is listed once per grid column
                        continue
                    seen.add(id(cell._tc))
                    lines.extend(paragraph_line(p) for p in cell.paragraphs)
    return lines
