"""The county head's and a vice head's tiles (县领导、分管领导): ranking, 整改, 督办, 责任清单,
三会一课, 发展党员. A vice head's figures are the same, limited by the scoping to the 分管 set."""

from collections import defaultdict
from datetime import date
from typing import Any

from django.urls import reverse

from dangjian.assessment.selectors import ranking
from dangjian.duties.selectors import leaders_overview
from dangjian.members import rules as member_rules
from dangjian.members.filtersets import CandidateFilterSet
from dangjian.members.selectors import candidates_for
from dangjian.orglife.selectors import report_roots_for
from dangjian.orglife.services.compliance import compliance_report
from dangjian.orgs.models import Organization
from dangjian.oversight.filtersets import FindingFilterSet
from dangjian.oversight.selectors import findings_for
from dangjian.oversight.services.lights import GREEN, RED, YELLOW
from dangjian.tasks.filtersets import TaskFilterSet
from dangjian.tasks.selectors import tasks_for

from . import Cell, Row, Tile
from .counts import grouped, link

LIGHT_COLUMNS = [(RED, "红灯"), (YELLOW, "黄灯"), (GREEN, "绿灯")]


def _light_table(key: str, title: str, per_light: dict[str, dict[Any, tuple[str, Cell]]]
                 ) -> Tile:
    """Rows by group, a column per light; a group missing under a light counts 0."""
    labels: dict[Any, str] = {}
    for found in per_light.values():
        labels.update({k: label for k, (label, _) in found.items()})
    rows = [Row(labels[k], [per_light[light].get(k, ("", Cell(0)))[1]
                            for light, _ in LIGHT_COLUMNS]) for k in labels]
    rows.sort(key=lambda r: (-int(r.cells[0].count), -int(r.cells[1].count), r.label))
    return Tile(key, title, [name for _, name in LIGHT_COLUMNS], rows, chart="bar")


def ranking_tile(user: Any, year: int) -> Tile:
    rows = [Row(f"{r.organization}{' ' + r.person if r.person else ''}",
                [Cell(r.rank), Cell(float(r.total)),
                 Cell(r.change if r.change is not None else 0)], r.url)
            for r in ranking(user, year)]
    return Tile("ranking", f"{year}年党建考核排名", ["名次", "得分", "较上期"], rows,
                chart="", note="" if rows else "本年度尚无可见的考核得分")


def findings_tile(user: Any) -> Tile:
    rows = findings_for(user)
    per_light = {light: grouped(
        FindingFilterSet, rows, {"open": "1", "light": light}, url_name="oversight:finding_list",
        user=user, by="responsible_leader_id", label="responsible_leader__name",
        param="responsible_leader", none={"unassigned": "1"}) for light, _ in LIGHT_COLUMNS}
    return _light_table("findings", "整改：未销号问题（按分管领导、亮灯）", per_light)


def tasks_tiles(user: Any) -> list[Tile]:
    rows = tasks_for(user)
    out = []
    for key, by, label, param, title in (
            ("tasks_by_leader", "leader_id", "leader__name", "leader", "督办任务（按责任领导）"),
            ("tasks_by_unit", "lead_unit_id", "lead_unit__name", "lead_unit",
             "督办任务（按牵头单位）")):
        per_light = {light: grouped(TaskFilterSet, rows, {"light": light},
                                    url_name="tasks:task_list", user=user, by=by, label=label,
                                    param=param) for light, _ in LIGHT_COLUMNS}
        out.append(_light_table(key, title, per_light))
    return out


def duties_tile(user: Any, year: int) -> Tile:
    rows = [Row(f"{r['list'].person.name}", [Cell(r["done"]), Cell(r["due"]), Cell(r["overdue"])],
                reverse("duties:list", args=[r["list"].pk]))
            for r in leaders_overview(user, year)]
    return Tile("duties", f"{year}年责任清单（按领导）", ["已完成", "待完成", "逾期"], rows,
                note="数字为该领导责任清单的事项数，点领导姓名查看清单")


def _top_roots(roots: list[Organization]) -> list[Organization]:
    return [r for r in roots
            if not any(o.pk != r.pk and r.path.startswith(o.path) for o in roots)]


def compliance_tile(user: Any, year: int, today: date) -> Tile:
    """三会一课 completion by unit (the level under each report root): Σheld / Σrequired."""
    held: dict[str, int] = defaultdict(int)
    required: dict[str, int] = defaultdict(int)
    for root in _top_roots(list(report_roots_for(user))):
        report = compliance_report(root=root, year=year, as_of=today, include_structure=False)
        paths = dict(Organization.objects.filter(
            pk__in={row.organization_id for row in report.rows}).values_list("pk", "path"))
        cut = len(root.path) + Organization.steplen
        for row in report.rows:
            unit = paths[row.organization_id][:cut]
            held[unit] += row.held
            required[unit] += row.required
    units = Organization.objects.filter(path__in=list(required)).values_list("path", "pk", "name")
    rows = [Row(name, [Cell(held[path]), Cell(required[path]),
                       Cell(round(100 * held[path] / required[path], 1)
                            if required[path] else 100.0)],
                f"{reverse('orglife:compliance')}?organization={pk}&year={year}")
            for path, pk, name in units]
    rows.sort(key=lambda r: (r.cells[2].count, r.label))
    return Tile("compliance", f"{year}年三会一课完成率（按单位）", ["已开", "应开", "完成率%"],
                rows, note="点单位名称查看合规报告")


def pipeline_tile(user: Any) -> Tile:
    rows = candidates_for(user)
    found = grouped(CandidateFilterSet, rows, {"open": "true"}, url_name="members:candidate_list",
                    user=user, by="current_step", label="current_step", param="step")
    by_stage: dict[str, int] = defaultdict(int)
    for step, (_, cell) in found.items():
        by_stage[member_rules.STEPS[step].stage] += int(cell.count)
    stage_rows = [Row(stage.value, [Cell(by_stage.get(stage.value, 0), link(
        "members:candidate_list", {"open": "true", "stage": stage.value}))])
        for stage in member_rules.Stage]
    return Tile("pipeline", "发展党员（按阶段，未终止）", ["人数"], stage_rows, chart="pie")


def head_tiles(user: Any, today: date) -> list[Tile]:
    year = today.year
    return [ranking_tile(user, year), findings_tile(user), *tasks_tiles(user),
            duties_tile(user, year), compliance_tile(user, year, today), pipeline_tile(user)]
