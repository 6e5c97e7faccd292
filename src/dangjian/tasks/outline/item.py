"""The parser's output record."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class OutlineItem:
    """One proposed task: its place in the outline and what the text says about it."""

    path: tuple[str, ...]
    title: str
    text: str
    owners: tuple[str, ...]
    deadline: str | None
    targets: tuple[str, ...]

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
