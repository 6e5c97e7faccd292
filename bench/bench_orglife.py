"""三会一课 compliance for a province-scale subtree: the platform's report against the raw SQL
reading the same rollup rows.

Usage: python bench/bench_orglife.py [--counties 200] [DATABASE_URL=postgres://…/dangjian_bench]

Builds a synthetic province (shared/NOTES.md: about 204k organisations 6 levels deep; here 200
counties of about 1,000) with one yearly rollup row per branch and meeting kind, in a fresh
database: SQLite in a temporary folder when DATABASE_URL is unset; on PostgreSQL the database
named in the URL with "_orglife" appended is dropped and created again. Persons, posts and raw
meetings are left out: the report reads the rollup, which is what is timed. Prints medians and
their ratio, for a county and for the province; nothing passes or fails.
"""

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from typing import Any

from benchdb import fresh_database, median_ms, setup_django

CITIES = 14
# A county of about 1,000 organisations and 560 branches; 200 of them make the province.
DEPARTMENTS, BRANCHES_PER_DEPARTMENT = 40, 5
TOWNSHIPS, VILLAGES_PER_TOWNSHIP = 12, 30
YEAR = 2025


Node = tuple[str, str, list[Any]]  # name, kind, children


def node(name: str, kind: str, *children: Node) -> Node:
    return (name, kind, list(children))


def county(n: int) -> Node:
    departments = [
        node(f"第{n}县第{d}局", "政府部门/单位", node(f"第{n}县第{d}局党组", "党组", *[
            node(f"第{n}县第{d}局第{b}党支部", "党支部") for b in range(BRANCHES_PER_DEPARTMENT)
        ])) for d in range(DEPARTMENTS)]
    townships = [
        node(f"第{n}县第{t}镇", "乡镇", node(f"第{n}县第{t}镇党委", "党委"), *[
            node(f"第{t}镇第{v}村", "村/社区", node(f"第{t}镇第{v}村党支部", "党支部"))
            for v in range(VILLAGES_PER_TOWNSHIP)
        ]) for t in range(TOWNSHIPS)]
    return node(f"中共示范省第{n}县委员会", "县委", *departments, *townships)


def build_province(counties: int) -> tuple[Any, list[Any]]:
    """Insert the tree level by level with computed paths (as the demo generator does)."""
    from dangjian.orgs.models import Organization

    cities = [node(f"示范省第{c}市委", "党委", *[county(n) for n in range(c, counties, CITIES)])
              for c in range(CITIES)]
    level: list[tuple[Node, Organization | None, int]] = [
        (node("中共示范省委员会", "党委", *cities), None, 1)]
    depth, branches = 1, []
    while level:
        rows = []
        for (name, kind, children), parent, step in level:
            path = Organization._get_path(parent.path if parent else None, depth, step)
            rows.append(Organization(name=name, kind=kind, parent=parent, path=path,
                                     depth=depth, numchild=len(children)))
        Organization.objects.bulk_create(rows, batch_size=5000)
        if not rows[0].pk:
            ids = dict(Organization.objects.filter(depth=depth).values_list("path", "pk"))
            for row in rows:
                row.pk = ids[row.path]
        branches += [row for row in rows if row.kind == "党支部"]
        level = [(child, row, i + 1) for (parent_node, _, _), row in zip(level, rows, strict=True)
                 for i, child in enumerate(parent_node[2])]
        depth += 1
    return Organization.objects.get(depth=1), branches


def fill_rollups(branches: list[Any], rng: random.Random) -> int:
    """One row per branch and kind: most branches complete, some missing months."""
    from dangjian.orglife.models import MeetingRollup

    rows = []
    for branch in branches:
        lax = rng.random() < 0.25
        # Month bits: every month; one a quarter (Mar/Jun/Sep/Dec, Feb/May/Aug/Nov); December.
        for kind, months in (("主题党日", 0xFFF), ("支部党员大会", 0x924), ("党课", 0x492),
                             ("组织生活会", 0x800), ("民主评议党员", 0x800)):
            if lax:
                months &= ~(1 << rng.randrange(12))
            if months:
                count = bin(months).count("1")
                rows.append(MeetingRollup(organization_id=branch.pk, kind=kind, year=YEAR,
                                          count=count, months=months))
    MeetingRollup.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--counties", type=int, default=200)
    args = parser.parse_args()
    url = fresh_database("dangjian-bench-orglife", suffix="_orglife")
    setup_django("dangjian-bench-orglife")
    from django.db import connection

    from dangjian.orglife.models import MeetingRollup
    from dangjian.orglife.services.compliance import compliance_report
    from dangjian.orgs.models import Organization

    started = time.perf_counter()
    province, branches = build_province(args.counties)
    rollups = fill_rollups(branches, random.Random(2026))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # index-only scans need the visibility map
    print(f"database: {connection.vendor} {url.rsplit('@', 1)[-1]}")
    print(f"{args.counties} counties: {Organization.objects.count()} organisations, "
          f"{len(branches)} branches, {rollups} rollup rows, built in "
          f"{time.perf_counter() - started:.1f} s")

    org_table, rollup_table = Organization._meta.db_table, MeetingRollup._meta.db_table
    # The same work in one statement: every branch of the subtree with its rollup rows.
    sql = (f"SELECT o.id, o.name, o.kind, o.parent_id, r.kind, r.count, r.months "
           f"FROM {org_table} o LEFT JOIN {rollup_table} r "
           f"ON r.organization_id = o.id AND r.year = %s "
           f"WHERE o.path LIKE %s AND o.kind IN ('党支部', '党小组') ORDER BY o.path")

    def raw(root: Organization) -> Callable[[], Any]:
        def run() -> Any:
            with connection.cursor() as cursor:
                cursor.execute(sql, [YEAR, root.path + "%"])
                return cursor.fetchall()
        return run

    def report(root: Organization) -> Callable[[], Any]:
        return lambda: compliance_report(root=root, year=YEAR, include_structure=False)

    county = Organization.objects.filter(kind="县委").order_by("path").first()
    assert county is not None
    print(f"\n{'subtree':<34}{'rows':>8}{'platform ms':>13}{'raw SQL ms':>12}{'ratio':>8}")
    for label, root in (("one county", county), ("the province", province)):
        rows = len(report(root)().rows)
        platform_ms, sql_ms = median_ms(report(root)), median_ms(raw(root))
        print(f"{label:<34}{rows:>8}{platform_ms:>13.1f}{sql_ms:>12.1f}"
              f"{platform_ms / sql_ms:>8.2f}")


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    main()
