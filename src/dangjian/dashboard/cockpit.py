"""Which figures each role's cockpit holds, gathered in one object for the page, the print
view, the xlsx and the API."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.access.selectors import scope_summary
from dangjian.core.burden import county_burden

from .figures import Cell, Row, Tile
from .figures.head import head_tiles
from .figures.inspector import inspector_tiles
from .figures.red import RedSource, red_list
from .figures.unit import deductions, unit_tiles

LEADERS = {Role.COUNTY_LEADER, Role.VICE_HEAD}
COCKPIT_ROLES = LEADERS | {Role.INSPECTOR, Role.UNIT_SECRETARY}
BURDEN_MONTHS = 6


def has_cockpit(user: Any) -> bool:
    """县领导、分管领导、纪检监察、单位书记 land on the cockpit after sign-in."""
    return bool(roles_of(user) & COCKPIT_ROLES)


@dataclass
class Cockpit:
    scope: dict[str, Any]
    as_of: date
    red_sources: list[RedSource]
    tiles: list[Tile] = field(default_factory=list)
    deductions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def scope_text(self) -> str:
        names = [o["name"] for o in self.scope["subtrees"] + self.scope["organizations"]]
        return "、".join(names) or "无"

    @property
    def red(self) -> list[Any]:
        return [item for source in self.red_sources for item in source.items]

    def red_tile(self) -> Tile:
        return Tile("red", "今日红灯", ["件数"],
                    [Row(s.label, [s.total]) for s in self.red_sources], chart="bar")

    def numbered(self) -> list[Tile]:
        """Every tile, the red counts first: what the page, the print and the xlsx show."""
        return [self.red_tile(), *self.tiles]

    def as_dict(self) -> dict[str, Any]:
        return {"scope": self.scope, "as_of": self.as_of.isoformat(),
                "red": [item.as_dict() for item in self.red],
                "red_counts": [{"module": s.module, "label": s.label, "count": s.total.count,
                                "url": s.total.url} for s in self.red_sources],
                "tiles": [tile.as_dict() for tile in self.tiles],
                "deductions": self.deductions}


def burden_tile(user: Any) -> Tile:
    months = county_burden(user, BURDEN_MONTHS)
    return Tile("burden", "减负：每名干事手工填报字段数（按月）", ["手工填报/人", "系统代填"],
                [Row(m.month, [Cell(m.typed_per_clerk), Cell(m.filled)]) for m in months],
                chart="line", note="" if months else "尚无填报记录")


def cockpit_for(user: Any, today: date | None = None) -> Cockpit:
    today = today or timezone.localdate()
    roles = roles_of(user)
    cockpit = Cockpit(scope_summary(user), today, red_list(user))
    if roles & LEADERS:
        cockpit.tiles += head_tiles(user, today)
    if Role.INSPECTOR in roles:
        cockpit.tiles += inspector_tiles(user)
    if Role.UNIT_SECRETARY in roles and not roles & LEADERS:
        cockpit.tiles += unit_tiles(user, today)
        cockpit.deductions = deductions(user, today.year)
    if roles & (LEADERS | {Role.UNIT_SECRETARY}):
        cockpit.tiles.append(burden_tile(user))
    return cockpit
