"""Fault drills (issue 6, item 8): the database restarted under load, the broker stopped while
the escalation job runs, web workers killed in the middle of uploads.

Usage: .venv/bin/python bench/drill/fault_drill.py [--only postgres|redis|upload] [--keep]

The PostgreSQL cluster and the Redis stopped and started here are the drill's own (see
drill_stack), so the machine's services are left alone. Each drill prints what clients saw
while the part was down and after it came back, then the same checks as the load drill: every
accepted write in the database, nothing half-written, no orphaned file left, the audit chain
intact. Exits non-zero on any failed check. Not a test: the figures go into the closing note.
"""

import argparse
import json
import os
import random
import signal
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drill_checks import accepted_writes, integrity, problems
from drill_stack import (
    WORKERS,
    Stack,
    gunicorn_workers,
    http_status,
    make_stack,
    new_finding,
    one_time_code,
    run_locust,
    seed,
    setup_django,
    start_celery_worker,
    start_gunicorn,
    start_postgres,
    start_redis,
    stop,
    stop_postgres,
    teardown,
    wait_until,
)

HTTPS = {"X-Forwarded-Proto": "https"}


def answer(url: str, headers: dict[str, str]) -> tuple[int, str]:
    """Status and the ``detail`` message of a JSON answer."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status), json.loads(response.read())["detail"]
    except urllib.error.HTTPError as error:
        return int(error.code), json.loads(error.read())["detail"]


def phases(timeline: list[list[Any]], down: float, restart: float, up: float
           ) -> dict[str, dict[str, int]]:
    """Answers by status: sent and answered before the stop, sent and answered while the
    server was surely down, sent 10 s after it was up again (wall-clock seconds). Requests
    that straddle a boundary are counted apart: either answer is right for them."""
    out: dict[str, Counter[str]] = {
        "before": Counter(), "down": Counter(), "after": Counter(), "straddling": Counter()}
    for sent, answered, status, count in timeline:
        # seconds are truncated: "answered" stands for [answered, answered + 1)
        if answered + 1 <= down:
            out["before"][status] += count
        elif sent >= down + 1 and answered + 1 <= restart:
            out["down"][status] += count
        elif sent >= up + 10:  # connections re-made, the first retries through
            out["after"][status] += count
        else:
            out["straddling"][status] += count
    return {k: dict(v) for k, v in out.items()}


# -- PostgreSQL restarted under load ---------------------------------------------------------

def postgres_drill(stack: Stack) -> list[str]:
    marks: dict[str, Any] = {}

    def outage(stack: Stack) -> None:
        time.sleep(40)
        marks["down"] = time.time()
        stop_postgres(stack)
        time.sleep(3)
        marks["healthz"] = answer(f"{stack.url}/healthz", {})
        marks["api"] = answer(f"{stack.url}/api/v1/me/",
                              {**HTTPS, "Authorization": "Bearer drill"})
        time.sleep(12)
        marks["restart"] = time.time()  # surely down until here; up again when start returns
        start_postgres(stack)
        marks["up"] = time.time()

    result = run_locust(stack, users=20, seconds=120, name="postgres", during=outage)
    from django.db import connections

    connections.close_all()  # this process's connection died with the server
    seen = phases(result["timeline"], marks["down"], marks["restart"], marks["up"])
    writes, state = accepted_writes(result), integrity(stack)
    print(json.dumps({"drill": "postgres restarted under load",
                      "down_s": round(marks["up"] - marks["down"], 1), "answers": seen,
                      "healthz_while_down": marks["healthz"], "api_while_down": marks["api"],
                      "writes": writes, "state": state}, ensure_ascii=False, indent=1))
    found = problems(writes, state)
    if set(seen["down"]) - {"503"}:
        found.append(f"answers other than 503 while the database was down: {seen['down']}")
    if not seen["down"]:
        found.append("no request reached the server while the database was down")
    if set(seen["after"]) - {"201"}:
        found.append(f"answers other than 201 after recovery: {seen['after']}")
    statuses = (marks["healthz"][0], marks["api"][0])
    if statuses != (503, 503) or "数据库暂时无法连接" not in marks["api"][1]:
        found.append("no clear 503 while the database was down")
    return found


# -- Redis stopped while the escalation runs ---------------------------------------------------

BACKLOG = 1500


def overdue_backlog() -> int:
    """Measures 20–60 days overdue across the departments: two steps each to take."""
    from datetime import timedelta

    from django.utils import timezone

    from dangjian.orgs.models import Organization
    from dangjian.oversight.models import Measure
    from dangjian.people.models import Person

    today, rng = timezone.localdate(), random.Random(11)
    owner = Person.objects.order_by("pk").first()
    units = Organization.objects.filter(kind="政府部门/单位").order_by("path")
    findings = [new_finding(unit, "演练逾期问题", today - timedelta(days=90)) for unit in units]
    Measure.objects.bulk_create(
        Measure(finding=findings[n % len(findings)], description=f"演练逾期措施 {n}",
                owner=owner, criterion="完成", due_on=today - timedelta(days=rng.randint(20, 60)))
        for n in range(BACKLOG))
    return BACKLOG


def escalations() -> int:
    from dangjian.oversight.models import Escalation

    return Escalation.objects.count()


def finished_runs(stack: Stack) -> int:
    """Escalation runs the worker reports done ("Task …[id] succeeded in …s")."""
    return stack.log("celery").read_text(errors="replace").count("] succeeded in")


def redis_drill(stack: Stack) -> list[str]:
    from dangjian.audit.models import AuditEvent
    from dangjian.celery import app
    from dangjian.oversight.models import Accountability, Escalation
    from dangjian.oversight.services.escalation import escalate

    overdue_backlog()
    start_celery_worker(stack, queue="drill")
    wait_until(lambda: "ready" in stack.log("celery").read_text(errors="replace"),
               "the Celery worker", 60)
    app.send_task("oversight.escalate_daily", queue="drill")
    wait_until(lambda: escalations() >= 200, "the escalation run", 120)
    taken_at_stop = escalations()
    stop(stack, "redis")
    time.sleep(10)
    taken_while_down = escalations() - taken_at_stop
    web_while_down = http_status(f"{stack.url}/healthz")
    time.sleep(10)
    start_redis(stack)
    wait_until(lambda: finished_runs(stack) >= 1, "the first run to finish", 600)
    app.send_task("oversight.escalate_daily", queue="drill")  # the worker is back, unaided
    wait_until(lambda: finished_runs(stack) >= 2, "a run after the broker came back", 180)
    left_over = escalate()
    steps = Escalation.objects.count()
    events = AuditEvent.objects.filter(action__startswith="escalation.").count()
    proposals = Escalation.objects.filter(step="accountability").count()
    cases = Accountability.objects.filter(reason__contains="逾期超过").count()
    print(json.dumps({
        "drill": "redis stopped while the escalation runs", "backlog_measures": BACKLOG,
        "steps_when_redis_stopped": taken_at_stop, "steps_taken_while_down": taken_while_down,
        "healthz_while_redis_down": web_while_down, "steps_total": steps,
        "audit_events": events, "accountability_steps": proposals, "accountability_cases": cases,
        "steps_left_for_a_later_run": sum(left_over.taken.values()),
    }, ensure_ascii=False, indent=1))
    found = []
    if taken_while_down <= 0:
        found.append("the running job stopped with the broker")
    if web_while_down != 200:
        found.append("the web answered other than 200 while only Redis was down")
    if steps != events or proposals != cases:
        found.append("escalation steps and their audit events or proposals differ")
    if sum(left_over.taken.values()):
        found.append("steps were left undone")
    return found


# -- gunicorn workers killed in the middle of uploads ----------------------------------------

UPLOAD_BYTES = 4 * 1024 * 1024
UPLOADERS = 8
UPLOAD_SECONDS = 60


def upload_drill(stack: Stack) -> list[str]:
    import hashlib

    import requests
    accounts = json.loads(stack.seeds.read_text(encoding="utf-8"))["accounts"][-UPLOADERS:]
    stop, lock = threading.Event(), threading.Lock()
    outcome: Counter[str] = Counter()
    accepted: list[dict[str, Any]] = []
    kills = 0

    def token(account: dict[str, Any]) -> str:
        for _ in range(3):
            body = {"username": account["username"], "password": account["password"],
                    "otp": one_time_code(account["key"])}
            response = requests.post(f"{stack.url}/api/v1/auth/token/", json=body,
                                     headers=HTTPS, timeout=60)
            if response.status_code == 201:
                return str(response.json()["token"])
            time.sleep(31)  # a code is taken once: wait for the next one
        raise SystemExit(f"{account['username']} could not sign in")

    def upload(account: dict[str, Any], bearer: str) -> None:
        headers = {**HTTPS, "Authorization": f"Bearer {bearer}"}
        while not stop.is_set():
            measure = random.choice(account["measures"])
            content = b"%PDF-1.4\n" + random.randbytes(UPLOAD_BYTES)
            try:
                response = requests.post(
                    f"{stack.url}/api/v1/measures/{measure}/evidence/", headers=headers,
                    files={"file": ("整改佐证.pdf", content, "application/pdf")}, timeout=60)
            except requests.RequestException:  # the worker died before answering in full
                with lock:
                    outcome["connection cut"] += 1
                continue
            with lock:
                outcome[str(response.status_code)] += 1
                if response.status_code == 201:
                    accepted.append({"id": response.json()["id"], "measure": measure,
                                     "sha256": hashlib.sha256(content).hexdigest()})

    threads = [threading.Thread(target=upload, args=(a, token(a))) for a in accounts]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + UPLOAD_SECONDS
    while time.monotonic() < deadline:
        time.sleep(random.uniform(0.5, 2.0))
        workers = gunicorn_workers(stack)
        if workers:
            os.kill(random.choice(workers), signal.SIGKILL)
            kills += 1
    stop.set()
    for thread in threads:
        thread.join()
    time.sleep(5)
    respawned = len(gunicorn_workers(stack))
    after = http_status(f"{stack.url}/healthz")
    writes = accepted_writes({"accepted": {"progress": [], "evidence": accepted}})
    state = integrity(stack)
    print(json.dumps({"drill": "gunicorn workers killed mid-upload", "kills": kills,
                      "uploads": dict(outcome), "workers_after": respawned,
                      "healthz_after": after, "writes": writes, "state": state},
                     ensure_ascii=False, indent=1))
    found = problems(writes, state)
    if respawned != WORKERS or after != 200:
        found.append("gunicorn did not recover its workers by itself")
    if set(outcome) - {"201", "connection cut"}:
        found.append(f"answers other than 201 or a cut connection: {dict(outcome)}")
    return found


DRILLS = {"postgres": postgres_drill, "redis": redis_drill, "upload": upload_drill}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=list(DRILLS), action="append")
    parser.add_argument("--keep", action="store_true", help="keep the folder with the logs")
    args = parser.parse_args()
    stack = make_stack()
    found: list[str] = []
    try:
        setup_django(stack)
        seed(stack)
        start_gunicorn(stack)
        for name in args.only or list(DRILLS):
            found += [f"{name}: {line}" for line in DRILLS[name](stack)]
    finally:
        teardown(stack, keep=args.keep)
    for line in found:
        print("FAILED:", line)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
