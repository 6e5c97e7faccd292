"""The fallback for text without outline markers: directive sentences (工作要求句) as items.

A 会议报道 or a short notice often says what must be done in plain prose: "会议强调，要…。要…。
各乡镇党委书记要…。" Each sentence (or ；-clause) whose head — after a lead-in such as "会议
强调，" — is a directive word (要/必须/务必/坚持/加强/推进…) or a named party given a duty
("各乡镇、各部门要…") starts an item, numbered #1, #2, … as the seeds' README numbers unmarked
要 runs; a sentence run on with several bare "要…，要…" clauses is cut at each. Other
sentences of the same paragraph stay with the item before them; a paragraph without any
directive ends it. Every such item is flagged for review (``Cut.needs_review``).
"""

import re
from dataclasses import dataclass, field

from .item import Cut, CutKind
from .items import CLOSING, Leaf, title_of
from .noise import Paragraph
from .owners import NAMES, NOT_A_NAME

DIRECTIVE_WORD = (
    r"(?:要(?![求点素闻害件是])|必须|务必|坚持(?!了)|加强(?!了)|推进(?!了)|强化(?!了)|着力|狠抓|"
    r"切实|全力|进一步|严格(?!了)|抓好|做好|确保|健全(?!了)|完善(?!了)|深化(?!了)|坚决|"
    r"加大(?!了)|扎实(?!开展了)|持续(?!了)|推动(?!了)|落实(?!了))"
)
HEAD = re.compile(DIRECTIVE_WORD)
SUBJECT_HEAD = re.compile(
    rf"(?P<name>{NAMES})(?:要(?![求点素闻害件是])|必须|务必|应当|须|负责|牵头)"
)
REQUEST = re.compile(rf"请(?={NAMES})")  # "请各单位于…前报送": a request to a named party
BARE_YAO = re.compile(r"要(?![求点素闻害件是])")
# "会议强调，" "张书记在讲话中指出：": words that introduce what follows, asking nothing.
LEAD_IN = re.compile(r"(?:强调|指出|要求|提出|表示|认为|希望|号召|明确|部署|称)$")
SENTENCE = re.compile(r"[^。！？；]*[。！？；]+|[^。！？；]+$")
CLAUSE = re.compile(r"[^，：]*[，：]+|[^，：]+$")
MAX_LEAD_IN = 30


@dataclass
class _Draft:
    cue: str
    pieces: list[tuple[int, str]] = field(default_factory=list)  # (paragraph, text)

    def add(self, para: int, text: str) -> None:
        if self.pieces and self.pieces[-1][0] == para:
            self.pieces[-1] = (para, self.pieces[-1][1] + text)
        else:
            self.pieces.append((para, text))

    def text(self) -> str:
        return "\n".join(piece.strip() for _, piece in self.pieces).strip()


def directive_cue(clause: str) -> str | None:
    """The directive word a clause opens with, or a party given a duty; None otherwise."""
    head = HEAD.match(clause) or REQUEST.match(clause)
    if head:
        return head.group(0)
    subject = SUBJECT_HEAD.match(clause)
    if subject and not NOT_A_NAME.match(subject.group("name")):
        return subject.group(0)[len(subject.group("name")) :]
    return None


def sentence_cuts(sentence: str) -> list[tuple[int, str]]:
    """(offset, cue) of each directive start in one sentence; empty when it directs nothing."""
    clauses: list[tuple[int, str]] = []
    offset = 0
    for clause in CLAUSE.findall(sentence):
        clauses.append((offset, clause))
        offset += len(clause)
    if not clauses:
        return []
    head = 0
    first = clauses[0][1].rstrip("，：").strip()
    if len(clauses) > 1 and len(first) <= MAX_LEAD_IN and LEAD_IN.search(first):
        head = 1
    start, clause = clauses[head]
    lead = len(clause) - len(clause.lstrip())
    cue = directive_cue(clause.lstrip())
    if cue is None:
        return []
    cuts = [(start + lead, cue)]
    bare = [(o, c) for o, c in clauses[head + 1 :] if BARE_YAO.match(c.strip())]
    if BARE_YAO.match(clause.lstrip()) and bare:  # "要A，要B，要C。": one item per 要 clause
        cuts.extend((o + len(c) - len(c.lstrip()), "要") for o, c in bare)
    return cuts


def strip_lead_yao(text: str) -> str:
    return text[1:].lstrip() if BARE_YAO.match(text) else text


def directive_leaves(paragraphs: list[Paragraph]) -> list[Leaf]:
    """Items cut at directive sentences, for a text where no outline marker was accepted."""
    drafts: list[_Draft] = []
    current: _Draft | None = None
    for index, paragraph in enumerate(paragraphs):
        found_here = False
        for sentence in SENTENCE.findall(paragraph.text):
            if CLOSING.match(sentence.strip()):
                current = None
                continue
            cuts = sentence_cuts(sentence)
            if not cuts:
                if current is not None and found_here:
                    current.add(index, sentence)
                continue
            found_here = True
            bounds = [offset for offset, _ in cuts] + [len(sentence)]
            for (offset, cue), end in zip(cuts, bounds[1:], strict=True):
                current = _Draft(cue)
                current.add(index, strip_lead_yao(sentence[offset:end].lstrip()))
                drafts.append(current)
        if not found_here:
            current = None
    kept = [(draft.cue, draft.text()) for draft in drafts if draft.text()]
    return [Leaf((f"#{number}",), title_of(text), text, Cut(CutKind.DIRECTIVE, cue))
            for number, (cue, text) in enumerate(kept, 1)]
