"""What cockpit.js draws: each tile with a chart as plain data (json_script, no inline script)."""

from typing import Any

from .figures import Tile


def charts_of(tiles: list[Tile]) -> list[dict[str, Any]]:
    return [{"id": f"chart-{tile.key}", "kind": tile.chart, "title": tile.title,
             "categories": [row.label for row in tile.rows],
             "series": [{"name": column, "data": [row.cells[n].count for row in tile.rows],
                         "urls": [row.cells[n].url for row in tile.rows]}
                        for n, column in enumerate(tile.columns)]}
            for tile in tiles if tile.chart and tile.rows]
