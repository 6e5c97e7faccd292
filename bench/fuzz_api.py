"""The full fuzzing drill: schemathesis against /api/schema/ as three roles.

Usage: [DATABASE_URL=postgres://…/dangjian] .venv/bin/python bench/fuzz_api.py [--examples 50]

Builds a fresh database with the demo county (SQLite in a temporary folder when DATABASE_URL is
unset; on PostgreSQL the named database with "_fuzz" appended is dropped and created again,
never the named one itself), then sends every
operation of the schema ``--examples`` valid and as many invalid requests as each role
(tests/fuzz/drill.py). Prints, per role, the operations exercised, the requests sent, the 5xx
and schema-violation counts and the first failures with a curl command to reproduce them.
Exits 1 on any failure: the suite runs the same drill with a few examples per operation.
"""

import argparse
import os
import sys
import time

from benchdb import fresh_database, setup_django


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=50,
                        help="valid (and as many invalid) requests per operation and role")
    parser.add_argument("--scale", type=float, default=0.2,
                        help="persons factor of the demo county (tests use 0.2)")
    parser.add_argument("--show", type=int, default=5, help="failures printed in full per role")
    args = parser.parse_args()
    url = fresh_database("dangjian-fuzz", suffix="_fuzz")  # never the database DATABASE_URL names
    setup_django("dangjian-fuzz")  # DEBUG off: a 5xx is a plain 500, as in production
    from django.conf import settings
    from django.db import connection
    from tests.fuzz.drill import ROLES, drill, load_schema

    from dangjian.demo.generator import build_demo

    build_demo(persons_factor=args.scale, password=settings.DANGJIAN_DEMO_PASSWORD)
    print(f"database: {connection.vendor} {url.rsplit('@', 1)[-1]}")
    schema = load_schema()
    failed = False
    print(f"\n{'role':<16}{'operations':>11}{'requests':>10}{'5xx':>6}{'violations':>12}"
          f"{'seconds':>9}")
    reports = []
    for username in ROLES:
        started = time.perf_counter()
        report = drill(schema, username, settings.DANGJIAN_DEMO_PASSWORD, args.examples)
        seconds = time.perf_counter() - started
        print(f"{username:<16}{len(report.operations):>11}{report.requests:>10}"
              f"{report.server_errors:>6}{report.violations:>12}{seconds:>9.1f}", flush=True)
        reports.append(report)
        failed = failed or bool(report.findings)
    for report in reports:
        findings = list(report.findings.values())
        if findings:
            print(f"\n{report.role}: {len(findings)} distinct failures, the first {args.show}:")
        for finding in findings[:args.show]:
            print(f"\n{finding}")
    return 1 if failed else 0


if __name__ == "__main__":
    root = os.path.join(os.path.dirname(__file__), "..")
    sys.path[:0] = [os.path.join(root, "src"), root]  # dangjian, and the drill in tests/fuzz
    sys.exit(main())
