"""Leaves of the outline: which marked (or 要-led) passages become items, and their text.

A leaf's text runs from after its marker to the next marker of the same or a higher level,
with two limits on the paragraphs that follow it unmarked: they belong to it when a sibling
follows (the item simply spans paragraphs) or when its own line was only a heading; otherwise
they are the section's or the document's closing words, not the item's.
"""

import re
from dataclasses import dataclass, field

from .item import Cut, CutKind
from .markers import Kind, Marker
from .noise import Paragraph

# 要 opening a parallel sentence, not 要求/要点/… opening a noun.
YAO = re.compile(r"要(?![求点素闻害件是])")
SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+|[^。！？!?]+$")
SENTENCE_END = re.compile(r"[。！？!?]")
CLAUSE_END = re.compile(r"[，,；;：:]")
CLOSING = re.compile(
    r"^(?:总之|总而言之|综上|同志们|让我们|希望|以上|特此|附件|联系人|联系电话|联系方式|抄送|印发)"
)
DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
ANY_PUNCT = re.compile(r"[，,。；;：:！？!?、]")
# Standard plan sections that set a frame but ask nobody to do anything.
NON_ACTION = re.compile(
    r"^(?:总体要求|指导思想|基本原则|工作原则|[\u4e00-\u9fff]{0,4}目标|"
    r"(?:存在|主要|查摆|突出|发现)?问题(?:清单)?|"
    r"编制依据|工作依据|背景意义|基本情况|工作背景|"
    r"(?:考核|慰问|评选|评议|参评|培训|实施|适用|帮扶|救助|补助|奖励|资助|服务|走访|参加|申报)"
    r"(?:对象|范围|标准|条件))$"
)
# A rule sheet's (制度) opening and closing articles: its purpose and who interprets it.
FRAME_ARTICLE = re.compile(
    r"^(?:为[^。]{0,80}(?:制定|特制定|制订)本(?:制度|办法|规定|细则|规则|方案|清单)|"
    r"本(?:制度|办法|规定|细则|规则|清单)[^。]{0,30}(?:解释|施行|执行))"
)
# A list introduced as what was achieved or what falls short ("取得了明显成效：一是…") reports,
# it assigns nothing.
DESCRIPTIVE_INTRO = re.compile(
    r"(?:成效|成绩|成果|进展|变化|不足|短板|差距|亮点|取得)[^。！？]*[：:]$"
)
MIN_RUN_IN_PARAGRAPH = 3  # fewer 要 sentences inside one titled item are its body, not a list


@dataclass(frozen=True)
class Chunk:
    text: str
    blank_before: bool


@dataclass(frozen=True)
class Leaf:
    path: tuple[str, ...]
    title: str
    text: str
    reason: Cut = field(default_factory=Cut)


def title_of(text: str) -> str:
    """The lead phrase: up to the first 。, or the first clause where there is none."""
    end = SENTENCE_END.search(text)
    head = text[: end.start()] if end else CLAUSE_END.split(text, maxsplit=1)[0]
    return head.strip()


def is_heading_only(segment: str) -> bool:
    """A line that is only a heading ("（一）加强组织领导"), its body in later paragraphs."""
    return not SENTENCE_END.search(segment.strip().rstrip("。；;：:"))


def is_closing(chunk: Chunk) -> bool:
    text = chunk.text
    signature = len(text) < 20 and not ANY_PUNCT.search(text)
    return bool(CLOSING.match(text) or DATE_LINE.match(text) or signature)


def starts_run(text: str) -> bool:
    return YAO.match(text) is not None


def own_segment(paragraphs: list[Paragraph], marker: Marker, following: Marker | None) -> str:
    text = paragraphs[marker.para].text
    stop = following.start if following and following.para == marker.para else len(text)
    return text[marker.end : stop].strip()


def tail_chunks(
    paragraphs: list[Paragraph], marker: Marker, following: Marker | None
) -> list[Chunk]:
    """Unmarked text after the marker's paragraph and before the next marker."""
    last = following.para if following else len(paragraphs)
    chunks = [Chunk(p.text, p.blank_before) for p in paragraphs[marker.para + 1 : last]]
    if following and following.para > marker.para and following.start > 0:
        lead = paragraphs[following.para]
        chunks.append(Chunk(lead.text[: following.start].strip(), lead.blank_before))
    return chunks


def trailing_body(chunks: list[Chunk]) -> list[Chunk]:
    """The paragraphs that still belong to the last item before a higher level or the end."""
    kept: list[Chunk] = []
    for chunk in chunks:
        if is_closing(chunk) or (kept and chunk.blank_before):
            break
        kept.append(chunk)
    return kept


def join(head: str, chunks: list[Chunk]) -> str:
    return "\n".join([head, *(c.text for c in chunks)]).strip()


def strip_yao(text: str) -> str:
    return text[1:].lstrip() if starts_run(text) else text


def paragraph_run(path: tuple[str, ...], chunks: list[Chunk], closed: bool, label: str = ""
                  ) -> list[Leaf] | None:
    """Parallel paragraphs each opening with 要, numbered #1, #2, …; None when there is no run."""
    starts = [k for k, chunk in enumerate(chunks) if starts_run(chunk.text)]
    if len(starts) < 2:
        return None
    leaves = []
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(chunks)
        body = chunks[first + 1 : last]
        if n == len(starts) - 1 and not closed:
            body = trailing_body(body)
        text = join(strip_yao(chunks[first].text), body)
        leaves.append(Leaf((*path, f"#{n + 1}"), title_of(text), text,
                           Cut(CutKind.DIRECTIVE, "要", label)))
    return leaves


def sentence_run(path: tuple[str, ...], segment: str, label: str = "") -> list[Leaf] | None:
    """要 sentences run on inside a heading's paragraph, split when there are enough of them."""
    sentences = SENTENCE.findall(segment)[1:]
    starts = [k for k, s in enumerate(sentences) if starts_run(s.strip())]
    if len(starts) < MIN_RUN_IN_PARAGRAPH:
        return None
    leaves = []
    for n, first in enumerate(starts):
        last = starts[n + 1] if n + 1 < len(starts) else len(sentences)
        text = strip_yao("".join(sentences[first:last]).strip())
        leaves.append(Leaf((*path, f"#{n + 1}"), title_of(text), text,
                           Cut(CutKind.DIRECTIVE, "要", label)))
    return leaves


def leaf_items(
    path: tuple[str, ...], segment: str, chunks: list[Chunk], sibling_follows: bool, top: bool,
    reason: Cut,
) -> list[Leaf]:
    """The item(s) one childless marker yields."""
    run = paragraph_run(path, chunks, closed=sibling_follows, label=reason.label)
    if run is None and top:
        run = sentence_run(path, segment, reason.label)
    if run is not None:
        return run
    if sibling_follows:
        body = chunks
    elif is_heading_only(segment):
        body = trailing_body(chunks)
    else:
        body = []
    return [Leaf(path, title_of(segment), join(segment, body), reason)]


def is_action(titles: list[str]) -> bool:
    return not any(NON_ACTION.match(t.strip().rstrip("。：:")) or FRAME_ARTICLE.match(t.strip())
                   for t in titles)


def intro_of(paragraphs: list[Paragraph], marker: Marker) -> str:
    """The words just before a marker: its paragraph's start, or the paragraph above."""
    if marker.start > 0:
        return paragraphs[marker.para].text[: marker.start].strip()
    return paragraphs[marker.para - 1].text.strip() if marker.para > 0 else ""


def cut_of(paragraphs: list[Paragraph], marker: Marker, labels: list[str]) -> Cut:
    """Why a marker's item starts here: the marker as written, under the nearest label line."""
    label = next((name for name in reversed(labels) if name), "")
    if marker.kind == Kind.LABEL:
        return Cut(CutKind.LABEL, marker.label)
    cue = paragraphs[marker.para].text[marker.start : marker.end].strip()
    return Cut(CutKind.MARKER, cue, label)


def build_leaves(paragraphs: list[Paragraph], markers: list[Marker]) -> list[Leaf]:
    if not markers:
        run = paragraph_run((), [Chunk(p.text, p.blank_before) for p in paragraphs], closed=False)
        return run or []
    leaves: list[Leaf] = []
    path: list[str] = []
    titles: list[str] = []
    labels: list[str] = []  # per depth: the label line's text, or "" for a marker
    descriptive_depth: int | None = None  # depth of a list that reports rather than assigns
    for index, marker in enumerate(markers):
        following = markers[index + 1] if index + 1 < len(markers) else None
        segment = own_segment(paragraphs, marker, following)
        del path[marker.depth - 1 :], titles[marker.depth - 1 :], labels[marker.depth - 1 :]
        path.append(marker.label)
        titles.append(title_of(segment))
        labels.append(marker.label if marker.kind == Kind.LABEL else "")
        if descriptive_depth is not None and (
            marker.depth < descriptive_depth
            or (marker.depth == descriptive_depth and marker.number == 1)
        ):
            descriptive_depth = None  # the reporting list has ended
        if marker.number == 1 and DESCRIPTIVE_INTRO.search(intro_of(paragraphs, marker)):
            descriptive_depth = marker.depth
        if following is not None and following.depth > marker.depth:
            continue  # a section heading: its children are the items
        if descriptive_depth is not None or not is_action(titles):
            continue
        sibling_follows = following is not None and following.depth == marker.depth
        chunks = tail_chunks(paragraphs, marker, following)
        leaves.extend(leaf_items(tuple(path), segment, chunks, sibling_follows, marker.depth == 1,
                                 cut_of(paragraphs, marker, labels[:-1])))
    return leaves
