"""The county head's and a vice head's tiles (县领导、分管领导): ranking, 整改, 督办, 责任清单,
三会一课, 发展党员. A vice head's figures are the same, limited by the scoping to the 分管 set."""

from collections import defaultdict
from datetime import date
from typing import Any

from dangjian.assessment.selectors import ranking
from dangjian.duties.filtersets import ResponsibilityItemFilterSet
from dangjian.duties.kinds import State
from dangjian.duties.selectors import item_states, items_for
from dangjian.members import rules as member_rules
from dangjian.members.filtersets import CandidateFilterSet
from dangjian.members.selectors import candidates_for
from dangjian.orglife.selectors import report_roots_for
from dangjian.orglife.services.compliance import compliance_report
from dangjian.orgs.models import Organization
from dangjian.oversight.filtersets import FindingFilterSet
from dangjian.oversight.selectors import findings_for
from dangjian.oversight.services.lights import GREEN, RED, YELLOW
from dangjian.people.models import Person
from dangjian.tasks.filtersets import TaskFilterSet
from dangjian.tasks.selectors import tasks_for

from . import Cell, Row, Tile
from .counts import filtered, grouped, link, split

LIGHT_COLUMNS = [(RED, "红灯"), (YELLOW, "黄灯"), (GREEN, "绿灯")]
LIGHTS = [light for light, _ in LIGHT_COLUMNS]


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
    [per_light] = split(
        FindingFilterSet, findings_for(user), {"open": "1"}, url_name="oversight:finding_list",
        user=user, split_by="light", values=LIGHTS,
        groups=[("responsible_leader_id", "responsible_leader__name", "responsible_leader")],
        none={"unassigned": "1"})
    return _light_table("findings", "整改：未销号问题（按分管领导、亮灯）", per_light)


def tasks_tiles(user: Any) -> list[Tile]:
    by_leader, by_unit = split(
        TaskFilterSet, tasks_for(user), {}, url_name="tasks:task_list", user=user,
        split_by="light", values=LIGHTS, groups=[("leader_id", "leader__name", "leader"),
                                                 ("lead_unit_id", "lead_unit__name", "lead_unit")])
    return [_light_table("tasks_by_leader", "督办任务（按责任领导）", by_leader),
            _light_table("tasks_by_unit", "督办任务（按牵头单位）", by_unit)]


DUTY_STATES = (State.DONE, State.DUE, State.OVERDUE)


def duties_tile(user: Any, year: int) -> Tile:
    """Each leader's items of the year by state, counted with the items register's own filters
    (``year``, then ``state`` per item as the list evaluates it): each number opens the items
    list filtered by year, leader and state."""
    params = {"year": year}
    items = filtered(ResponsibilityItemFilterSet, items_for(user), params, user)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for person_id, state in item_states(items.filter(list__person__isnull=False), user).values():
        if person_id is not None:
            counts[person_id][state] += 1
    names = dict(Person.objects.filter(pk__in=list(counts)).values_list("pk", "name"))
    url = "duties:responsibilityitem_list"
    rows = [Row(names[pk], [Cell(found.get(state, 0), link(
        url, {**params, "person": pk, "state": state})) for state in DUTY_STATES],
        link(url, {**params, "person": pk})) for pk, found in counts.items()]
    rows.sort(key=lambda r: (-int(r.cells[2].count), r.label))
    return Tile("duties", f"{year}年责任清单（按领导）", ["已完成", "待完成", "逾期"], rows,
                note="数字为该领导本年度责任清单中的事项数，点数字查看事项")


def _top_roots(roots: list[Organization]) -> list[Organization]:
    return [r for r in roots
            if not any(o.pk != r.pk and r.path.startswith(o.path) for o in roots)]


def compliance_tile(user: Any, year: int, today: date) -> Tile:
    """三会一课 completion by unit (the level under each report root): Σheld / Σrequired
    periods, and the gaps (organisation × meeting kind short of its rule) linked to the unit's
    compliance report, which lists exactly those rows. Held and required count periods, not
    records, and the rate is a ratio: plain figures."""
    held: dict[str, int] = defaultdict(int)
    required: dict[str, int] = defaultdict(int)
    gaps: dict[str, int] = defaultdict(int)
    roots = _top_roots(list(report_roots_for(user)))
    for root in roots:
        report = compliance_report(root=root, year=year, as_of=today, include_structure=False)
        paths = dict(Organization.objects.filter(
            pk__in={row.organization_id for row in report.rows}).values_list("pk", "path"))
        cut = len(root.path) + Organization.steplen
        for row in report.rows:
            unit = paths[row.organization_id][:cut]
            held[unit] += row.held
            required[unit] += row.required
            gaps[unit] += 1 if row.gap else 0
    units = Organization.objects.filter(path__in=list(required)).values_list("path", "pk", "name")
    rows = []
    # A root's own rows (a 党委 holding its 民主生活会) form a row of their own, linked to the
    # root's report cut to its own level: the whole report would list its subtree too.
    root_paths = {root.path for root in roots}
    for path, pk, name in units:
        query = {"organization": pk, "year": year} | ({"own": 1} if path in root_paths else {})
        url = link("orglife:compliance", query)
        rows.append(Row(name, [Cell(held[path]), Cell(required[path]),
                               Cell(round(100 * held[path] / required[path], 1)
                                    if required[path] else 100.0), Cell(gaps[path], url)], url))
    rows.sort(key=lambda r: (r.cells[2].count, r.label))
    return Tile("compliance", f"{year}年三会一课完成率（按单位）",
                ["已开（期次）", "应开（期次）", "完成率%", "缺口项"], rows,
                note="已开、应开按期次计；缺口项为未达要求的组织×会议类型，点数字查看合规报告")


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
