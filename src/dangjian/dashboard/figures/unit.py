"""A unit secretary's tiles (单位书记): the unit's score so far and each lost point with the
records it came from."""

from datetime import date
from typing import Any

from django.db.models import F
from django.urls import NoReverseMatch, reverse

from dangjian.assessment.selectors import ranking, scores_for

from . import Cell, Row, Tile

SHOWN = 100


def record_url(basis: dict[str, Any]) -> str:
    """The page of one basis record ``{model: "app.model", id}``; "" when it has none."""
    app, _, model = str(basis.get("model", "")).partition(".")
    try:
        return reverse(f"{app}:{model.lower()}_detail", args=[int(basis["id"])])
    except (NoReverseMatch, KeyError, TypeError, ValueError):
        return ""


def deductions(user: Any, year: int) -> list[dict[str, Any]]:
    lost = (scores_for(user).filter(indicator__scheme__year=year,
                                    points__lt=F("indicator__max_points"))
            .select_related("indicator").order_by("indicator__order", "indicator__code", "id"))
    return [{"indicator": f"{s.indicator.code} {s.indicator.name}", "period": s.period,
             "points": float(s.points), "max_points": float(s.indicator.max_points),
             "lost": float(s.indicator.max_points - s.points), "basis_text": s.basis_text,
             "records": [{**b, "url": record_url(b)} for b in s.basis or []]}
            for s in lost[:SHOWN]]


def unit_tiles(user: Any, today: date) -> list[Tile]:
    year = today.year
    rows = [Row(r.organization, [Cell(r.rank), Cell(float(r.total))], r.url)
            for r in ranking(user, year)]
    lost = deductions(user, year)
    return [
        Tile("unit_score", f"{year}年本单位考核得分", ["名次", "得分"], rows, chart="",
             note="" if rows else "本年度尚无考核得分"),
        Tile("deductions", "失分明细", ["失分"],
             [Row(f"{d['indicator']}（{d['period']}）", [Cell(d["lost"])],
                  d["records"][0]["url"] if d["records"] else "") for d in lost], chart="bar"),
    ]
