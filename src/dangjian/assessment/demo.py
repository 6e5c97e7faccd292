"""The demo's 党建工作考核: a scheme for the 部门党组（党委） of the demo county, published and
scored from the demo records (``scoring.recompute``), so the ranking shows at first sign-in.

Ten of its eleven items are computed by the platform (eight AUTO, two DEDUCTION); the
民主测评 is entered for each unit from fixed counts. Each computed score is audited, so the
scheme costs the demo seconds: it keeps to the items the issue asks for. Built by the demo's
考核管理员 through the services, as a real scheme would be (audited, refused if it broke a
rule)."""

import random
from datetime import date
from decimal import Decimal
from typing import Any

from dangjian.access.roles import Role
from dangjian.access.selectors import users_covering
from dangjian.orgs.models import Organization

from .models import Method, Scheme, TargetKind
from .services import schemes, scoring

A, D, E = Method.AUTO, Method.DEDUCTION, Method.EVALUATION
# (code, name, points, method, provider, params); 一级 rows have no method.
INDICATORS: list[tuple[str, str, int, str, str, dict[str, Any]]] = [
    ("1", "管党治党主体责任", 30, "", "", {}),
    ("1.1", "责任清单事项按期完成", 14, A, "duties.items_completion", {}),
    ("1.2", "督办任务按期办结", 8, A, "tasks.closed_on_time", {}),
    ("1.3", "督办任务进展按期报送", 8, A, "tasks.reports_on_time", {}),
    ("2", "基层组织建设", 30, "", "", {}),
    ("2.1", "“三会一课”按规定召开", 14, A, "orglife.meetings_completion", {}),
    ("2.2", "组织设置规范（支委、届次）", 8, D, "orglife.structure_gaps", {"points_per_unit": 2}),
    ("2.3", "党员学习培训覆盖", 8, A, "members.study_coverage", {}),
    ("3", "监督整改", 30, "", "", {}),
    ("3.1", "整改措施按期完成", 10, A, "oversight.measures_on_time", {}),
    ("3.2", "提示单按期回复", 5, A, "oversight.notices_answered_on_time", {}),
    ("3.3", "举一反三按期反馈", 5, A, "oversight.selfchecks_on_time", {}),
    ("3.4", "屡查屡犯", 10, D, "oversight.repeat_findings", {"points_per_unit": 2}),
    ("4", "群众评价", 10, "", "", {}),
    ("4.1", "民主测评", 10, E, "", {}),
]
CITATION = "《示范县党建工作考核办法》（演示）"


def build_demo_scheme(county_root: Organization | None, year: int, today: date
                      ) -> Scheme | None:
    """The scheme, published and scored as of ``today``; None when the county has no
    考核管理员 (a county beyond the first carries no demo accounts)."""
    if county_root is None:
        return None
    actor = users_covering(county_root, {Role.ASSESSOR}).order_by("pk").first()
    if actor is None:
        return None
    scheme = schemes.create_scheme(
        actor, year=year, name="部门党组（党委）党建工作考核", target_kind=TargetKind.DEPARTMENT,
        organization=county_root, basis=CITATION, document_number=f"示组〔{year}〕8号")
    parents: dict[str, Any] = {}
    for order, (code, name, points, method, provider, params) in enumerate(INDICATORS):
        parent = parents.get(code.split(".")[0]) if "." in code else None
        indicator = schemes.add_indicator(
            actor, scheme, code=code, name=name, max_points=Decimal(points),
            method=method or Method.MANUAL, parent=parent, provider=provider, params=params,
            citation=CITATION, order=order)
        if parent is None:
            parents[code] = indicator
    schemes.publish(actor, scheme)
    scoring.recompute(scheme, today)
    scheme.refresh_from_db()
    _evaluate(actor, scheme, year)
    return scheme


def _evaluate(actor: Any, scheme: Scheme, year: int) -> None:
    """Fixed 民主测评 counts per unit (seeded), so the totals spread."""
    indicator = scheme.indicators.get(code="4.1")
    rng = random.Random(year)  # noqa: S311  (demo figures, not secrets)
    for target in scoring.targets_of(scheme):
        happy = rng.randint(10, 30)
        scoring.enter_evaluation(actor, indicator, organization=target.organization,
                                 period=str(year), counts={
                                     "满意": happy, "比较满意": rng.randint(2, 10),
                                     "基本满意": rng.randint(0, 6), "不满意": rng.randint(0, 4)})
