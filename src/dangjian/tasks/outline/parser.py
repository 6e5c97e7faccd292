"""parse_outline: text in, proposed task items out.

Half-width and full-width punctuation are the same to the parser: the text is read through a
one-to-one translation to full-width (``normalise``), and every string an item reports (title,
text, owners, deadline, targets) is taken back from the text as written, at the same offsets.
"""

import re

from .directives import directive_leaves
from .errors import EMPTY, NO_CHINESE, NO_OUTLINE, OutlineError
from .fields import extract_deadline, extract_owners, extract_targets
from .item import OutlineItem
from .items import Leaf, build_leaves
from .markers import find_markers
from .noise import clean_paragraphs

CHINESE = re.compile(r"[\u4e00-\u9fff]")
MIN_ITEMS_OF_UNMARKED_RUN = 2
# One character for one character, so offsets in the normalised text are offsets in the original.
FULL_WIDTH = str.maketrans({",": "，", ":": "：", ";": "；", "?": "？", "!": "！",
                            "(": "（", ")": "）", "\ufe50": "，", "\ufe55": "：", "\uff64": "、"})


def normalise(text: str) -> str:
    """The text with half-width punctuation read as its full-width form, same length."""
    return text.translate(FULL_WIDTH)


class _Original:
    """Maps strings of the normalised text back to the text as written, in document order."""

    def __init__(self, original: str, normalised: str) -> None:
        self.original, self.normalised, self.cursor = original, normalised, 0

    def text(self, text: str) -> str:
        pieces = []
        for piece in text.split("\n"):
            at = self.normalised.find(piece, self.cursor) if piece else -1
            if at < 0:
                pieces.append(piece)  # an ad was cut out of the line: the pieces are re-joined
                continue
            pieces.append(self.original[at : at + len(piece)])
            self.cursor = at + len(piece)
        return "\n".join(pieces)


def within(found: str, normalised: str, original: str) -> str:
    """``found``, a substring of ``normalised``, as written in ``original`` (same length)."""
    at = normalised.find(found)
    return original[at : at + len(found)] if at >= 0 else found


def unique_paths(leaves: list[Leaf]) -> list[Leaf]:
    """No two items share a path: a repeated one gets "-2", "-3" on its last element."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for leaf in leaves:
        path, copy = leaf.path, 1
        while path in seen:
            copy += 1
            path = (*leaf.path[:-1], f"{leaf.path[-1]}-{copy}")
        seen.add(path)
        out.append(Leaf(path, leaf.title, leaf.text, leaf.reason))
    return out


def parse_outline(text: str) -> list[OutlineItem]:
    """One item per action leaf of the document's outline, in document order; without an
    outline, one item per directive sentence (flagged for review)."""
    if not text or not text.strip():
        raise OutlineError(EMPTY)
    if not CHINESE.search(text):
        raise OutlineError(NO_CHINESE)
    normalised = normalise(text)
    paragraphs = clean_paragraphs(normalised)
    markers = find_markers(paragraphs)
    leaves = build_leaves(paragraphs, markers)
    # One marker is a numbered sentence, not an outline: read the directives instead.
    if (len(markers) < 2 and len(leaves) < MIN_ITEMS_OF_UNMARKED_RUN) or not leaves:
        leaves = directive_leaves(paragraphs) or leaves
    if not leaves:
        raise OutlineError(NO_OUTLINE)
    original = _Original(text, normalised)
    items = []
    for leaf in unique_paths(leaves):
        body = original.text(leaf.text)
        title = body[: len(leaf.title)] if leaf.text.startswith(leaf.title) else leaf.title
        deadline = extract_deadline(leaf.text)
        items.append(OutlineItem(
            path=leaf.path,
            title=title,
            text=body,
            owners=tuple(within(o, leaf.text, body) for o in extract_owners(leaf.text)),
            deadline=within(deadline, leaf.text, body) if deadline else None,
            targets=tuple(within(t, leaf.text, body) for t in extract_targets(leaf.text)),
            reason=leaf.reason,
        ))
    return items
