"""The government party group's 工作要点 of the year and its supervised tasks: one or two per
department, led by the vice head in charge, with deadlines around today and monthly reports."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from dangjian.calendar.lights import LightCutoffs
from dangjian.tasks.models import (
    Plan,
    PlanKind,
    PlanRevision,
    ProgressEvidence,
    ProgressReport,
    ReportCycle,
    Review,
    RevisionStatus,
    Task,
    TaskStatus,
)
from dangjian.tasks.selectors import lights

from .cast import Cast, Unit

TOPICS = [
    "落实党组（党委）理论学习中心组学习制度，开展专题研讨",
    "推进模范机关创建，开展党支部标准化规范化建设",
    "完成巡察反馈问题整改，建立长效机制",
    "开展党风廉政建设警示教育，组织旁听庭审",
    "推进党建与业务深度融合，打造党建品牌",
    "落实意识形态工作责任制，开展专题分析研判",
    "开展作风建设专项整治，为基层减负",
    "规范党费收缴、使用和管理，开展专项检查",
    "加强党员教育管理，完成年度党员轮训",
    "落实“三重一大”集体决策制度，完善议事规则",
    "开展廉政风险点排查，更新防控措施",
    "抓好发展党员工作，严格程序和标准",
]
# How each task's year went, dealt in turn: about a third closed, a fifth red.
OUTCOMES = ["green", "done", "red", "green", "yellow", "late", "red", "green", "done", "green"]


@dataclass
class _Plan:
    plan: Plan
    confirmed: date
    tasks: list[Task]
    cut: LightCutoffs  # today's lights, computed once (each is a calendar read)


def generate(cast: Cast, rng: random.Random) -> dict[str, int]:
    made = _plan(cast)
    tasks = [task for u in cast.units for task in _tasks(cast, rng, made, u)]
    Task.objects.bulk_create(tasks)
    co_units = [Task.co_units.through(task_id=t.pk, organization_id=other.unit.pk)
                for n, t in enumerate(tasks) if n % 3 == 0
                for other in rng.sample(cast.units, 2) if other.unit.pk != t.lead_unit_id]
    Task.co_units.through.objects.bulk_create(co_units)
    revision = made.plan.revisions.get()
    revision.changes = {"added": [t.pk for t in tasks], "changed": [], "withdrawn": [],
                        "unchanged": []}
    revision.save(update_fields=["changes"])
    reports, reviews = _reports(cast, rng, made, tasks)
    return {"tasks.plans": 1, "tasks.tasks": len(tasks), "tasks.reports": reports,
            "tasks.reviews": reviews}


def _plan(cast: Cast) -> _Plan:
    year = cast.today.year
    confirmed = min(date(year, 1, 15), cast.today - timedelta(days=30))
    plan = Plan.objects.create(organization=cast.group, kind=PlanKind.KEY_POINTS, year=year,
                               title=f"{year}年县政府党组全面从严治党工作要点",
                               created_by=cast.county_head)
    text = "\n".join(f"{n}. {topic}" for n, topic in enumerate(TOPICS, 1))
    PlanRevision.objects.create(plan=plan, number=1, text=text, status=RevisionStatus.CONFIRMED,
                                created_by=cast.county_head, confirmed_at=cast.at(confirmed))
    return _Plan(plan, confirmed, [], lights(cast.today))


def _tasks(cast: Cast, rng: random.Random, made: _Plan, unit: Unit) -> list[Task]:
    out = []
    for k in range(1 + unit.index % 2):
        number = len(made.tasks) + 1
        task = Task(plan=made.plan, number=number, path=[str(number)],
                    title=f"{unit.unit.name}{TOPICS[(unit.index + k * 5) % len(TOPICS)]}",
                    lead_unit=unit.unit, leader=unit.leader, report_cycle=ReportCycle.MONTHLY,
                    created_by=cast.county_head, **_schedule(cast, rng, made, number))
        task.deadline_text = f"{task.due_on.month}月{task.due_on.day}日前"
        made.tasks.append(task)
        out.append(task)
    return out


def _schedule(cast: Cast, rng: random.Random, made: _Plan, number: int) -> dict[str, object]:
    """Deadline, status and closing date for the task's outcome, all relative to today."""
    today, start = cast.today, made.confirmed
    past = (today - start).days  # at least 30
    cut = made.cut
    outcome = OUTCOMES[number % len(OUTCOMES)]
    if outcome == "done":
        due = today + timedelta(days=rng.randint(-past + 10, 60))
        done = start + timedelta(days=rng.randint(5, (min(due, cast.yesterday) - start).days))
        return {"due_on": due, "status": TaskStatus.DONE, "completed_on": done}
    if outcome == "late":
        due = today - timedelta(days=rng.randint(6, past - 5))
        done = due + timedelta(days=rng.randint(1, (cast.yesterday - due).days))
        return {"due_on": due, "status": TaskStatus.DONE, "completed_on": done}
    if outcome == "red":
        due = today - timedelta(days=rng.randint(1, min(90, past - 5)))
        return {"due_on": due, "status": TaskStatus.OVERDUE}
    if outcome == "yellow":
        due = today + timedelta(days=rng.randint(0, (cut.yellow_until - today).days))
    else:
        due = cut.yellow_until + timedelta(days=rng.randint(10, 200))
    return {"due_on": due, "status": TaskStatus.NOT_STARTED}


def _months(start: date, end: date) -> list[tuple[int, int]]:
    out, (year, month) = [], (start.year, start.month)
    while (year, month) <= (end.year, end.month):
        out.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _reports(cast: Cast, rng: random.Random, made: _Plan, tasks: list[Task]) -> tuple[int, int]:
    """Monthly reports, one period in five missed (every seventh open task not started); a
    closed task's last report carries the evidence its 申请办结 needed, and the leader's
    acceptance follows."""
    reports: list[ProgressReport] = []
    closing: list[ProgressReport] = []
    for task in tasks:
        last_day = min(task.completed_on or cast.yesterday, cast.yesterday)
        mine: list[ProgressReport] = []
        for year, month in _months(made.confirmed, last_day):
            first = max(date(year, month, 1), made.confirmed)
            deadline = min(date(year, month, task.report_day), last_day)
            if deadline < first or rng.random() < 0.2 or task.number % 7 == 0:
                continue
            day = first + timedelta(days=rng.randint(0, (deadline - first).days))
            mine.append(ProgressReport(task=task, period=f"{year}-{month:02d}",
                                       text=f"{task.lead_unit.name}按计划推进，已完成阶段性工作。",
                                       percent=min(90, 20 * (len(mine) + 1)), reported_on=day,
                                       reported_by=cast.clerk(task.lead_unit)))
        if task.status == TaskStatus.DONE:
            assert task.completed_on is not None
            mine.append(ProgressReport(task=task, period=f"{task.completed_on:%Y-%m}",
                                       text="任务已全部完成，申请办结。", percent=100,
                                       reported_on=task.completed_on,
                                       reported_by=cast.clerk(task.lead_unit)))
            closing.append(mine[-1])
        elif mine and task.status == TaskStatus.NOT_STARTED:
            task.status = TaskStatus.IN_PROGRESS  # the first report starts a task
        reports += mine
    ProgressReport.objects.bulk_create(reports)
    Task.objects.bulk_update([t for t in tasks if t.status == TaskStatus.IN_PROGRESS], ["status"])
    ProgressEvidence.objects.bulk_create([
        ProgressEvidence(report=r, uploaded_by=r.reported_by,
                         **cast.evidence.fields("办结佐证材料.pdf")) for r in closing])
    Review.objects.bulk_create([
        Review(task=r.task, decision=Review.Decision.ACCEPT, comment="同意办结。",
               reviewer=cast.user_of(r.task.leader)) for r in closing])
    return len(reports), len(closing)
