"""Helpers shared by the field extractors: hiding quoted text and cutting clauses."""

import re

MASK = "\ue000"  # keeps offsets while hiding 《…》 and “…” contents from the patterns

CLAUSE_SPLIT = re.compile(r"[。；;！？!?，,：:\n]")
CLAUSE_LEAD = re.compile(r"^(?:[（(]|要|并|同时|另外|此外|由|请)+")


def mask(text: str, pairs: tuple[str, ...] = ("《》",)) -> str:
    """The text with the inside of each bracket pair replaced by MASK, same length."""
    for pair in pairs:
        opening, closing = pair[0], pair[1]
        text = re.sub(
            rf"{re.escape(opening)}[^{re.escape(closing)}]*{re.escape(closing)}",
            lambda m: m.group(0)[0] + MASK * (len(m.group(0)) - 2) + m.group(0)[-1],
            text,
        )
    return text


def clauses(text: str) -> list[tuple[int, str]]:
    """(offset, clause) pairs, the clause stripped of leading connectives."""
    found = []
    start = 0
    for piece in CLAUSE_SPLIT.split(text):
        lead = CLAUSE_LEAD.match(piece)
        skip = lead.end() if lead else 0
        found.append((start + skip, piece[skip:]))
        start += len(piece) + 1
    return found
