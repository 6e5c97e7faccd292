"""Load drill: 50 clerks on gunicorn + PostgreSQL for 10 minutes (issue 6, item 8).

Usage: .venv/bin/python bench/drill/load_drill.py [--minutes 10] [--users 50] [--keep]

Builds the stack of drill_stack (database ``dangjian_drill`` on 127.0.0.1:5432, dropped and
created again), runs locust headless on loopback, then prints the error rate, p50/p95 latency
per request kind and the count showing every accepted write is in the database. Exits non-zero
when an accepted write is missing, a record is half-written or any answer was a 5xx. Not a
test: the figures go into the closing note.
"""

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from drill_checks import accepted_writes, integrity, problems
from drill_stack import make_stack, run_locust, seed, setup_django, start_gunicorn, teardown


def summarise(result: dict[str, object]) -> dict[str, object]:
    statuses: dict[str, int] = result["statuses"]  # type: ignore[assignment]
    total = sum(statuses.values())
    errors = sum(n for key, n in statuses.items() if not key.rsplit(" ", 1)[1].startswith("2"))
    server = sum(n for key, n in statuses.items() if key.rsplit(" ", 1)[1].startswith("5"))
    return {"requests": total, "errors": errors, "error_rate": errors / total if total else 0,
            "server_errors": server}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--keep", action="store_true", help="keep the folder with the logs")
    args = parser.parse_args()
    stack = make_stack()
    try:
        setup_django(stack)
        started = time.perf_counter()
        seed(stack, clerks=args.users)
        print(f"seeded in {time.perf_counter() - started:.0f} s; folder {stack.folder}")
        start_gunicorn(stack)
        result = run_locust(stack, users=args.users, seconds=int(args.minutes * 60),
                            name="load")
        writes = accepted_writes(result)
        state = integrity(stack)
        summary = summarise(result)
        print(json.dumps({"summary": summary, "latency_ms": result["latency_ms"],
                          "statuses": result["statuses"], "writes": writes, "state": state},
                         ensure_ascii=False, indent=1))
        found = problems(writes, state)
        if summary["server_errors"]:
            found.append(f"{summary['server_errors']} answers were 5xx")
        for line in found:
            print("FAILED:", line)
        sys.exit(1 if found else 0)
    finally:
        teardown(stack, keep=args.keep)


if __name__ == "__main__":
    main()
