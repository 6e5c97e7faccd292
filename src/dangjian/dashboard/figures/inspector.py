"""The inspector's tiles (纪检监察): findings by source and category, 问责 by status and by
四种形态, repeats (屡查屡犯) by unit."""

from typing import Any

from dangjian.oversight.filtersets import AccountabilityFilterSet, FindingFilterSet
from dangjian.oversight.selectors import accountability_for, findings_for

from . import Row, Tile
from .counts import grouped, total


def _tile(key: str, title: str, column: str, found: dict[Any, Any], chart: str = "bar") -> Tile:
    rows = [Row(label, [cell]) for label, cell in found.values()]
    rows.sort(key=lambda r: (-int(r.cells[0].count), r.label))
    return Tile(key, title, [column], rows, chart=chart)


def inspector_tiles(user: Any) -> list[Tile]:
    findings = findings_for(user)
    acts = accountability_for(user)
    common = {"url_name": "oversight:finding_list", "user": user}
    by_source = grouped(FindingFilterSet, findings, {}, by="source_id", label="source__name",
                        param="source", **common)
    by_category = grouped(FindingFilterSet, findings, {}, by="category_id",
                          label="category__name", param="category", **common)
    repeats = grouped(FindingFilterSet, findings, {"repeat": "1"}, by="organization_id",
                      label="organization__name", param="organization", **common)
    act = {"url_name": "oversight:accountability_list", "user": user}
    by_status = grouped(AccountabilityFilterSet, acts, {}, by="status", label="status",
                        param="status", **act)
    by_forms = {k: v for k, v in grouped(AccountabilityFilterSet, acts, {}, by="four_forms",
                                         label="four_forms", param="four_forms", **act).items()
                if k}  # "" (not recorded) selects nothing as a filter
    repeat_total = total(FindingFilterSet, findings, {"repeat": "1"}, **common)
    return [
        _tile("findings_by_source", "问题（按来源）", "问题数", by_source, chart="pie"),
        _tile("findings_by_category", "问题（按类别）", "问题数", by_category),
        _tile("accountability_by_status", "问责（按状态）", "件数", by_status),
        _tile("four_forms", "四种形态", "人次", by_forms, chart="pie"),
        Tile("repeats", "屡查屡犯（按单位）", ["问题数"],
             [Row("合计", [repeat_total]), *_tile("", "", "", repeats).rows]),
    ]
