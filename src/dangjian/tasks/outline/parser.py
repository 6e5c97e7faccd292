"""parse_outline: text in, proposed task items out."""

import re

from .errors import EMPTY, NO_CHINESE, NO_OUTLINE, OutlineError
from .fields import extract_deadline, extract_owners, extract_targets
from .item import OutlineItem
from .items import build_leaves
from .markers import find_markers
from .noise import clean_paragraphs

CHINESE = re.compile(r"[\u4e00-\u9fff]")
MIN_ITEMS_OF_UNMARKED_RUN = 2


def parse_outline(text: str) -> list[OutlineItem]:
    """One item per action leaf of the document's outline, in document order."""
    if not text or not text.strip():
        raise OutlineError(EMPTY)
    if not CHINESE.search(text):
        raise OutlineError(NO_CHINESE)
    paragraphs = clean_paragraphs(text)
    markers = find_markers(paragraphs)
    leaves = build_leaves(paragraphs, markers)
    # One marker is a numbered sentence, not an outline.
    if len(markers) < 2 and len(leaves) < MIN_ITEMS_OF_UNMARKED_RUN:
        raise OutlineError(NO_OUTLINE)
    return [
        OutlineItem(
            path=leaf.path,
            title=leaf.title,
            text=leaf.text,
            owners=extract_owners(leaf.text),
            deadline=extract_deadline(leaf.text),
            targets=extract_targets(leaf.text),
        )
        for leaf in leaves
    ]
