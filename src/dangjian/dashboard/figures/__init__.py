"""The cockpit's figures: tiles of counts, each count a link to the list it counts."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Cell:
    """One number and the list page, filtered, that shows exactly its rows ("" for a figure
    that counts no register, e.g. a rate)."""

    count: int | float
    url: str = ""


@dataclass
class Row:
    label: str
    cells: list[Cell]
    url: str = ""  # the row's own record or list, when it has one


@dataclass
class Tile:
    key: str
    title: str
    columns: list[str]
    rows: list[Row] = field(default_factory=list)
    chart: str = "bar"  # "bar", "pie", "line" or "" (table only)
    note: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "title": self.title, "columns": self.columns,
                "chart": self.chart, "note": self.note,
                "rows": [{"label": r.label, "url": r.url,
                          "cells": [{"count": c.count, "url": c.url} for c in r.cells]}
                         for r in self.rows]}


@dataclass(frozen=True)
class RedItem:
    """One line of today's red list (红灯清单)."""

    module: str
    kind: str
    id: int
    title: str
    organization: str
    light: str
    due_on: date | None
    url: str

    def as_dict(self) -> dict[str, Any]:
        return {"module": self.module, "kind": self.kind, "id": self.id, "title": self.title,
                "organization": self.organization, "light": self.light,
                "due_on": self.due_on.isoformat() if self.due_on else None, "url": self.url}
