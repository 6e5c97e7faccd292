"""What the daily escalation job costs at scale: rows scanned and seconds, first and second run.

Usage: make bench [SCALE=10] [DATABASE_URL=…] (runs after bench_scope.py, on its database).
Adds MEASURES_PER_UNIT open measures to every department, due dates spread from 60 days ago to
90 days ahead, then runs the job twice: the second run must take no step (idempotent).
"""

import os
import random
import sys
import time
from datetime import timedelta

from benchdb import open_existing_database

MEASURES_PER_UNIT = 25


def main() -> None:
    open_existing_database()
    from django.db import connection
    from django.utils import timezone

    from dangjian.access.models import User
    from dangjian.orgs.models import Organization
    from dangjian.oversight.models import Finding, Measure, Term
    from dangjian.oversight.services.escalation import escalate
    from dangjian.people.models import Person

    rng = random.Random(7)
    today = timezone.localdate()
    inspector = User.objects.get(username="inspector")
    terms = {k: Term.objects.filter(kind=k).first() for k in ("source", "category", "severity")}
    units = list(Organization.objects.filter(kind="政府部门/单位"))
    owner = Person.objects.first()
    findings = Finding.objects.bulk_create([
        Finding(organization=unit, source=terms["source"], category=terms["category"],
                severity=terms["severity"], description="基准测试问题",
                discovered_on=today - timedelta(days=90), raised_by=inspector)
        for unit in units
    ], batch_size=2000)
    if not findings[0].pk:
        findings = list(Finding.objects.filter(description="基准测试问题"))
    Measure.objects.bulk_create([
        Measure(finding=f, description="基准测试措施", owner=owner, criterion="完成",
                due_on=today + timedelta(days=rng.randint(-60, 90)))
        for f in findings for _ in range(MEASURES_PER_UNIT)
    ], batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    total = Measure.objects.count()
    print(f"database: {connection.vendor}; {len(units)} departments, {total} measures")
    for label in ("first run", "second run"):
        started = time.perf_counter()
        report = escalate(today=today)
        seconds = time.perf_counter() - started
        print(f"escalation {label}: scanned {report.scanned} of {total} measures"
              f" ({report.scanned / total:.1%}), steps taken {report.taken}, {seconds:.2f} s")


if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
    main()
