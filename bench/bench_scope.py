"""Scoped list endpoints and subtree counts against the raw SQL doing the same work.

Usage: make bench [SCALE=10] [DATABASE_URL=postgres://postgres@127.0.0.1:5432/dangjian_bench]

Builds a fresh database at the given scale (SQLite in a temporary folder when DATABASE_URL is
unset; on PostgreSQL the named database is dropped and created again), then times each pair
side by side in one run and prints medians and their ratio. Not a test: nothing here passes or
fails; the figures go into the issue's closing note.
"""

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from benchdb import fresh_database, setup_django

REPEATS = 15


def timed(work: Callable[[], Any]) -> float:
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--reuse", action="store_true",
                        help="time again on the PostgreSQL database a previous run built")
    args = parser.parse_args()
    url = fresh_database("dangjian-bench", reuse=args.reuse)
    setup_django("dangjian-bench")
    from django.conf import settings
    from django.db import connection
    from rest_framework.test import APIClient

    from dangjian.access.models import User
    from dangjian.access.scoping import restrict
    from dangjian.demo.generator import DemoSummary, build_demo
    from dangjian.orgs.models import Organization
    from dangjian.people.models import Charge, Person

    started = time.perf_counter()
    if args.reuse and Organization.objects.exists():
        summary = DemoSummary(Organization.objects.count(), Person.objects.count(), [])
    else:
        summary = build_demo(scale=args.scale, password=settings.DANGJIAN_DEMO_PASSWORD)
    load_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # index-only scans need the visibility map
    print(f"database: {connection.vendor} {url.rsplit('@', 1)[-1]}")
    with open(os.environ.get("DANGJIAN_BENCH_URL_FILE", os.devnull), "w") as out:
        out.write(url)  # the escalation bench runs on the same database next
    print(f"scale {args.scale}: {summary.organizations} organisations, {summary.persons} persons,"
          f" generated in {load_seconds:.1f} s")

    org_table = Organization._meta.db_table
    person_table = Person._meta.db_table

    def raw(sql: str, params: list[Any]) -> Callable[[], Any]:
        def run() -> Any:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        return run

    def api(username: str, url: str) -> Callable[[], Any]:
        client = APIClient()
        user = User.objects.get(username=username)

        def run() -> Any:
            client.force_authenticate(User.objects.get(pk=user.pk))  # fresh scope each call
            response = client.get(url)
            assert response.status_code == 200
            return response
        return run

    county = Organization.objects.get(grants__user__username="county_head")
    prefix = county.path + "%"
    vice = User.objects.get(username="vice_head")
    charges = Charge.objects.current().filter(leader_id=vice.person_id)
    vice_paths = [path + "%" for path in charges.values_list("organization__path", flat=True)]
    vice_where = " OR ".join(["o.path LIKE %s"] * len(vice_paths))
    county_head = User.objects.get(username="county_head")

    cases = [
        ("organisations, county, page 1 (API)",
         api("county_head", "/api/v1/organizations/"),
         raw(f"SELECT (SELECT count(*) FROM {org_table} WHERE path LIKE %s), o.* FROM "
             f"{org_table} o WHERE o.path LIKE %s ORDER BY o.path LIMIT 50", [prefix, prefix])),
        ("persons, county, page 1 by name (API)",
         api("county_head", "/api/v1/persons/"),
         raw(f"SELECT (SELECT count(*) FROM {person_table} p JOIN {org_table} o ON "
             f"o.id = p.organization_id WHERE o.path LIKE %s), p.*, o.name FROM {person_table} p"
             f" JOIN {org_table} o ON o.id = p.organization_id WHERE o.path LIKE %s "
             f"ORDER BY p.name, p.id LIMIT 50", [prefix, prefix])),
        ("persons, 分管 subtrees, page 1 (API)",
         api("vice_head", "/api/v1/persons/"),
         raw(f"SELECT (SELECT count(*) FROM {person_table} p JOIN {org_table} o ON "
             f"o.id = p.organization_id WHERE {vice_where}), p.*, o.name FROM {person_table} p"
             f" JOIN {org_table} o ON o.id = p.organization_id WHERE {vice_where} "
             f"ORDER BY p.name, p.id LIMIT 50", vice_paths + vice_paths)),
        ("persons in the county subtree: count (ORM)",
         lambda: restrict(Person.objects.all(), User.objects.get(pk=county_head.pk)).count(),
         raw(f"SELECT count(*) FROM {person_table} p JOIN {org_table} o ON "
             f"o.id = p.organization_id WHERE o.path LIKE %s", [prefix])),
    ]
    print(f"\n{'case':<44}{'platform ms':>12}{'raw SQL ms':>12}{'ratio':>8}")
    for name, platform, sql in cases:
        platform()  # warm caches once for both sides
        sql()
        platform_ms, sql_ms = timed(platform), timed(sql)
        print(f"{name:<44}{platform_ms:>12.2f}{sql_ms:>12.2f}{platform_ms / sql_ms:>8.2f}")


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    main()
