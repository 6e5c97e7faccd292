"""Outline marker recognition and the hierarchy they form.

A document's levels are not fixed: one speech nests 一是 under 第一, a plan nests （1） under
1. under 一、. So a marker's depth comes from the order in which marker kinds open inside one
another (a stack), and a candidate is only accepted when its number starts a list (1) or
continues the list of its kind; this keeps stray "三是" or "(1)" in prose from breaking the tree.

A short line ending in a colon ("工作目标：", 标签行) directly followed by an item numbered 1 is
a level of its own, so "工作目标：1、2、保障措施：1、2、" gives four distinct paths. The parser
sees half-width punctuation as full-width (see ``parser.normalise``), so patterns name only the
full-width forms where the two used to differ.
"""

import re
from dataclasses import dataclass
from enum import Enum

from .noise import Paragraph
from .numerals import CIRCLED, HAN_CLASS, ROMAN_CHARS, numeral_value

HAN = f"({HAN_CLASS}{{1,3}})"


class Kind(Enum):
    PART = "第一部分"
    ORDINAL = "第一，"
    HAN = "一、"
    PAREN_HAN = "（一）"
    SHI = "一是/一要"
    NUM = "1."
    PAREN_NUM = "（1）"
    CIRCLED = "①"
    ROMAN = "Ⅰ、"
    LABEL = "标签行："
    ARTICLE = "第一条"


# Tried in this order at a paragraph's start; the group is the numeral as written.
PARA_START: list[tuple[Kind, re.Pattern[str]]] = [
    (Kind.PART, re.compile(rf"第{HAN}(?:部分|章|篇)[\s、，,：:.．]*")),
    (Kind.ORDINAL, re.compile(rf"第{HAN}\s*[，,、：:.．]\s*")),
    (Kind.ARTICLE, re.compile(rf"第{HAN}条\s*[、：.．]?\s*")),
    (Kind.PAREN_HAN, re.compile(rf"[（(]\s*{HAN}\s*[）)]\s*[、.．]?\s*")),
    (Kind.HAN, re.compile(rf"{HAN}\s*[、.．]\s*")),
    (Kind.SHI, re.compile(rf"{HAN}(?:是要|是|要)(?![求点])")),
    (Kind.PAREN_NUM, re.compile(r"[（(]\s*(\d{1,2})\s*[）)]\s*[、.．]?\s*")),
    (Kind.NUM, re.compile(r"(\d{1,2})\s*(?:[.．](?!\d)|、)\s*")),
    (Kind.CIRCLED, re.compile(rf"([{CIRCLED}])\s*")),
    (Kind.ROMAN, re.compile(rf"([{ROMAN_CHARS}])\s*[、.．]?\s*|([IVX]{{1,5}})\s*[、.．]\s*")),
]
# Kinds a writer also runs on inside a paragraph ("…。二是…"); 一、 and 1. only head lines.
INLINE_KINDS = {Kind.ORDINAL, Kind.PAREN_HAN, Kind.SHI, Kind.PAREN_NUM, Kind.CIRCLED}
INLINE_AFTER = "。！？；："
LABEL_MIN, LABEL_MAX = 2, 16
LABEL_STOP = re.compile(r"[。！？；，]")
# Salutations and lead-ins ("同志们：", "具体安排如下：") introduce, they name no level.
NOT_LABEL = re.compile(r"(?:们|同志|各位|如下|以下|下列|如次)$|^(?:现将|根据|按照|为)")


@dataclass(frozen=True)
class Marker:
    kind: Kind
    label: str  # the bare numeral as written: 一, 12, ①
    number: int
    para: int
    start: int  # offset of the marker in its paragraph
    end: int  # offset where the marked text begins
    depth: int = 0  # 1 for the outermost level, set on acceptance

    @property
    def at_para_start(self) -> bool:
        return self.start == 0

    @property
    def position(self) -> tuple[int, int]:
        return (self.para, self.start)


def match_at(
    text: str, pos: int, kinds: set[Kind] | None = None
) -> tuple[Kind, re.Match[str]] | None:
    for kind, pattern in PARA_START:
        if kinds is not None and kind not in kinds:
            continue
        found = pattern.match(text, pos)
        if found and found.end() < len(text):  # a bare marker with nothing after is not one
            return kind, found
    return None


def find_candidates(paragraphs: list[Paragraph]) -> list[Marker]:
    """Every place that looks like a marker, in document order."""
    found: list[Marker] = []
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.text
        for pos in range(len(text)):
            if pos > 0 and text[pos - 1] not in INLINE_AFTER:
                continue
            hit = match_at(text, pos, None if pos == 0 else INLINE_KINDS)
            if hit is None:
                continue
            kind, match = hit
            label = next(g for g in match.groups() if g is not None)
            number = numeral_value(label)
            if number is None:
                continue
            found.append(Marker(kind, label, number, index, pos, match.end()))
    return with_label_lines(paragraphs, found)


def is_label_line(text: str) -> bool:
    """"工作目标：", "保障措施：": a short colon-ended line that names what follows."""
    if not text.endswith("：") or match_at(text, 0) is not None:
        return False
    body = text[:-1].strip()
    return (
        LABEL_MIN <= len(body) <= LABEL_MAX
        and not LABEL_STOP.search(body)
        and not NOT_LABEL.search(body)
    )


def with_label_lines(paragraphs: list[Paragraph], found: list[Marker]) -> list[Marker]:
    """The candidates plus a LABEL marker for each label line whose next line starts a list."""
    opening = {m.para for m in found if m.at_para_start and m.number == 1}
    labels: list[Marker] = []
    for index, paragraph in enumerate(paragraphs):
        if index + 1 in opening and is_label_line(paragraph.text):
            body = paragraph.text[:-1].strip()
            labels.append(Marker(Kind.LABEL, body, len(labels) + 1, index, 0, 0))
    return sorted([*found, *labels], key=lambda m: m.position)


def accept(candidates: list[Marker]) -> list[Marker]:
    """The candidates that form a consistent outline, each with its depth."""
    # Lists written inside the preamble ("成绩：一是…") are not the outline.
    first_line_start = next((i for i, m in enumerate(candidates) if m.at_para_start), 0)
    stack: list[tuple[Kind, int]] = []
    last_seen: dict[Kind, int] = {}
    accepted: list[Marker] = []
    for marker in candidates[first_line_start:]:
        level = next((i for i, (kind, _) in enumerate(stack) if kind == marker.kind), None)
        if level is not None:
            previous = stack[level][1]
            follows = marker.number == previous + 1 or marker.number == 1
            skipped = marker.at_para_start and marker.number > previous  # a typo'd number
            if not (follows or skipped):
                continue
            del stack[level:]
        elif marker.number != 1 and marker.number != last_seen.get(marker.kind, -1) + 1:
            continue  # neither opens a list nor continues one numbered across sections
        stack.append((marker.kind, marker.number))
        last_seen[marker.kind] = marker.number
        accepted.append(_with_depth(marker, len(stack)))
    return accepted


def _with_depth(marker: Marker, depth: int) -> Marker:
    return Marker(marker.kind, marker.label, marker.number, marker.para, marker.start,
                  marker.end, depth)


def find_markers(paragraphs: list[Paragraph]) -> list[Marker]:
    return accept(find_candidates(paragraphs))
