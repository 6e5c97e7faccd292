"""The county head's cockpit at the largest scale ``make bench`` builds, against the raw SQL of
its main figures (red counts, findings by leader and light, tasks by leader and unit, measures
red by unit, candidates by step, leaders' 责任清单 items with their records' dates, the
county's 三会一课 rollup).

Usage: python bench/bench_cockpit.py --database-url "$(cat var/bench-url)"

Runs after bench_scope.py (the demo county at its scale) and bench_escalation.py (findings and
measures in every department) on the same database, adds open tasks and overdue notices, then
times ``cockpit_for(county_head)`` in-process and the plain SQL side by side; prints medians and
their ratio. Not a test: nothing passes or fails. The raw SQL leaves out the scope join and the
milestones of a task's next deadline, so it is the floor, not an equal.
"""

import os
import random
import sys
from datetime import timedelta
from typing import Any

from benchdb import median_ms, open_existing_database

TASKS_PER_UNIT = 5


def main() -> None:
    open_existing_database()
    from django.db import connection
    from django.utils import timezone

    from dangjian.access.models import User
    from dangjian.dashboard.cockpit import cockpit_for
    from dangjian.duties.models import Fulfilment, ResponsibilityItem, ResponsibilityList
    from dangjian.members.models import Candidate
    from dangjian.orglife.models import MeetingRollup
    from dangjian.orgs.models import Organization
    from dangjian.oversight.models import Finding, Measure, Notice, NoticeStatus
    from dangjian.tasks.matching import charged_leader
    from dangjian.tasks.models import OPEN_STATUSES, Plan, Task

    rng = random.Random(12)
    today = timezone.localdate()
    head = User.objects.get(username="county_head")
    inspector = User.objects.get(username="inspector")
    units = list(Organization.objects.filter(kind="政府部门/单位"))
    leaders = {unit.pk: charged_leader(unit) for unit in units}
    if not Task.objects.filter(title__startswith="基准驾驶舱").exists():
        plans = {unit.pk: Plan.objects.create(organization=unit, title="基准驾驶舱要点",
                                              kind="工作要点", year=today.year,
                                              created_by=head) for unit in units}
        Task.objects.bulk_create([
            Task(plan=plans[unit.pk], number=n + 1, title=f"基准驾驶舱任务{n}", lead_unit=unit,
                 leader=leaders[unit.pk], due_on=today + timedelta(days=rng.randint(-30, 60)))
            for unit in units if leaders[unit.pk] for n in range(TASKS_PER_UNIT)],
            batch_size=5000)
        area = inspector.grants.get().organization
        Notice.objects.bulk_create([
            Notice(recipient=leaders[unit.pk], organization=area, title="基准提示单",
                   reply_due=today - timedelta(days=rng.randint(-10, 10)),
                   status=NoticeStatus.ISSUED, created_by=inspector)
            for unit in units if leaders[unit.pk]], batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"database: {connection.vendor}; {len(units)} departments, "
          f"{Task.objects.count()} tasks, {Measure.objects.count()} measures")

    task, finding, measure = (m._meta.db_table for m in (Task, Finding, Measure))
    notice, candidate = Notice._meta.db_table, Candidate._meta.db_table
    item, rlist, fulfilment, org, rollup = (m._meta.db_table for m in (
        ResponsibilityItem, ResponsibilityList, Fulfilment, Organization, MeetingRollup))
    county = head.grants.get().organization
    assert county is not None, "the county head's grant names the county"
    open_statuses = list(OPEN_STATUSES)
    marks = ", ".join(["%s"] * len(open_statuses))
    queries: list[tuple[str, list[Any]]] = [
        (f"SELECT leader_id, count(*) FROM {task} WHERE status IN ({marks}) AND due_on < %s "
         "GROUP BY leader_id", [*open_statuses, today]),
        (f"SELECT lead_unit_id, count(*) FROM {task} WHERE status IN ({marks}) AND due_on < %s "
         "GROUP BY lead_unit_id", [*open_statuses, today]),
        (f"SELECT recipient_id, count(*) FROM {notice} WHERE status IN (%s, %s) "
         "AND reply_due < %s GROUP BY recipient_id",
         [NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED, today]),
        (f"SELECT f.organization_id, count(*) FROM {measure} m JOIN {finding} f "
         "ON f.id = m.finding_id WHERE m.status <> %s AND m.due_on < %s "
         "GROUP BY f.organization_id", ["已销号", today]),
        (f"SELECT responsible_leader_id, d < %s, count(*) FROM (SELECT f.id, "
         f"f.responsible_leader_id, min(m.due_on) d FROM {finding} f LEFT JOIN {measure} m ON "
         "m.finding_id = f.id AND m.status <> %s GROUP BY f.id, f.responsible_leader_id) x "
         "GROUP BY 1, 2", [today, "已销号"]),
        (f"SELECT current_step, count(*) FROM {candidate} WHERE closed_on IS NULL "
         "GROUP BY current_step", []),
        # each item with its fulfilment dates, one row per date (portable: no array_agg)
        (f"SELECT i.id, l.person_id, i.period, i.times, f.done_on FROM {item} i "
         f"JOIN {rlist} l ON l.id = i.list_id LEFT JOIN {fulfilment} f ON f.item_id = i.id "
         "WHERE l.year = %s AND l.person_id IS NOT NULL AND i.active", [today.year]),
        (f"SELECT o.id, o.path, r.kind, r.count, r.months FROM {org} o LEFT JOIN {rollup} r "
         "ON r.organization_id = o.id AND r.year = %s WHERE o.path LIKE %s",
         [today.year, f"{county.path}%"]),
    ]

    def raw() -> Any:
        with connection.cursor() as cursor:
            for sql, params in queries:
                cursor.execute(sql, params)
                cursor.fetchall()

    def platform() -> Any:
        return cockpit_for(User.objects.get(pk=head.pk), today)  # a fresh scope each call

    platform_ms, sql_ms = median_ms(platform), median_ms(raw)
    print(f"\n{'case':<44}{'platform ms':>12}{'raw SQL ms':>12}{'ratio':>8}")
    print(f"{'county head cockpit, all figures':<44}{platform_ms:>12.2f}{sql_ms:>12.2f}"
          f"{platform_ms / sql_ms:>8.2f}")


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    main()
