"""The parser's output record, and why each item was cut where it was."""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class CutKind(StrEnum):
    """What made the parser start an item at this place (切分依据)."""

    MARKER = "marker"  # an outline marker: 一、 （一） 1. 一是 ①
    LABEL = "label"  # a label line ending in a colon: 工作目标：
    DIRECTIVE = "directive"  # no marker: a sentence or clause led by 要/必须/务必/坚持/加强…


@dataclass(frozen=True)
class Cut:
    """The cue that started an item; ``label`` is the label line above it, if any."""

    kind: CutKind = CutKind.MARKER
    cue: str = ""
    label: str = ""

    @property
    def needs_review(self) -> bool:
        """Directive sentences are a fallback: the clerk should check where they were cut."""
        return self.kind == CutKind.DIRECTIVE

    @property
    def note(self) -> str:
        """The reason in the clerk's words."""
        under = f"标签行“{self.label}：”下，" if self.label else ""
        if self.kind == CutKind.MARKER:
            return f"{under}按提纲标号“{self.cue}”切分"
        if self.kind == CutKind.LABEL:
            return f"按标签行“{self.cue}：”切分"
        return f"{under}文中无提纲标号，按工作要求句（以“{self.cue}”开头）切分，请核对"

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "cue": self.cue, "label_line": self.label,
                "note": self.note, "needs_review": self.needs_review}


@dataclass(frozen=True)
class OutlineItem:
    """One proposed task: its place in the outline and what the text says about it."""

    path: tuple[str, ...]
    title: str
    text: str
    owners: tuple[str, ...]
    deadline: str | None
    targets: tuple[str, ...]
    reason: Cut = field(default_factory=Cut)

    def as_dict(self) -> dict[str, Any]:
        """The labels' JSON shape: lists instead of tuples, same keys."""
        return {
            "path": list(self.path),
            "title": self.title,
            "text": self.text,
            "owners": list(self.owners),
            "deadline": self.deadline,
            "targets": list(self.targets),
        }

    def as_result(self) -> dict[str, Any]:
        """The API's shape: the labels' fields plus why the item was cut here."""
        return {**self.as_dict(), "reason": self.reason.as_dict()}
