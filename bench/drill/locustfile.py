"""Unit clerks (党务干事) reporting rectification progress and uploading evidence.

Run by drill_stack.run_locust: each simulated clerk signs in once with password and TOTP, as
production asks, then reports progress on its own measures and uploads evidence PDFs. Every
answer is recorded (status, latency, wall-clock second) and every accepted write (201) with the
id the server gave and, for evidence, the SHA-256 of what was sent, so the drill can show each
accepted write is in the database with the bytes that were sent. Written to $DRILL_RESULT.
"""

import hashlib
import json
import os
import random
import sys
import time
from collections import Counter, defaultdict
from typing import Any

from locust import HttpUser, between, events, task

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from drill_stack import one_time_code

with open(os.environ["DRILL_SEEDS"], encoding="utf-8") as seeds:
    SEEDS = json.load(seeds)["accounts"]
HEADERS = {"X-Forwarded-Proto": "https"}  # as the TLS proxy in front of gunicorn sets it

latencies: dict[str, list[float]] = defaultdict(list)
statuses: Counter[str] = Counter()
timeline: Counter[tuple[int, int, str]] = Counter()  # (sent, answered, status)
accepted: dict[str, list[Any]] = {"progress": [], "evidence": []}
refused: Counter[str] = Counter()
next_account = iter(range(len(SEEDS)))


@events.request.add_listener
def remember(name: str, response_time: float, response: Any, exception: Any,
             **_: Any) -> None:
    status = str(getattr(response, "status_code", 0) or 0) if response is not None else "0"
    statuses[f"{name} {status}"] += 1
    latencies[name].append(response_time)
    now = time.time()  # wall clock: the fault drill marks its outage so
    timeline[(int(now - response_time / 1000), int(now), status)] += 1


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


@events.quitting.add_listener
def write_result(**_: Any) -> None:
    writes = latencies["progress"] + latencies["evidence"]
    result = {
        "statuses": dict(statuses),
        "latency_ms": {name: {"count": len(v), "p50": percentile(v, 0.5),
                              "p95": percentile(v, 0.95), "max": max(v, default=0.0)}
                       for name, v in {**latencies, "writes": writes}.items()},
        "timeline": sorted([*key, n] for key, n in timeline.items()),
        "accepted": accepted,
        "refused": dict(refused),
    }
    with open(os.environ["DRILL_RESULT"], "w", encoding="utf-8") as out:
        json.dump(result, out, ensure_ascii=False)


class Clerk(HttpUser):
    wait_time = between(0.5, 2.0)  # a clerk reads the page before the next entry

    def on_start(self) -> None:
        self.account = SEEDS[next(next_account) % len(SEEDS)]
        self.token = ""

    def _signed_in(self) -> bool:
        if self.token:
            return True
        body = {"username": self.account["username"], "password": self.account["password"],
                "otp": one_time_code(self.account["key"])}
        response = self.client.post("/api/v1/auth/token/", json=body, headers=HEADERS,
                                    name="sign in")
        if response.status_code == 201:
            self.token = response.json()["token"]
        return bool(self.token)

    def _headers(self) -> dict[str, str]:
        return {**HEADERS, "Authorization": f"Bearer {self.token}"}

    @task(3)
    def report_progress(self) -> None:
        if not self._signed_in():
            return
        measure = random.choice(self.account["measures"])
        text = f"第{random.randint(1, 999)}次推进：已召开专题会议研究整改，形成台账"
        response = self.client.post(f"/api/v1/measures/{measure}/progress/",
                                    json={"text": text}, headers=self._headers(),
                                    name="progress")
        self._count(response, "progress", {"measure": measure, "text": text})

    @task(1)
    def upload_evidence(self) -> None:
        if not self._signed_in():
            return
        measure = random.choice(self.account["measures"])
        content = b"%PDF-1.4\n" + random.randbytes(random.randint(20_000, 200_000))
        response = self.client.post(
            f"/api/v1/measures/{measure}/evidence/", headers=self._headers(), name="evidence",
            files={"file": ("整改佐证.pdf", content, "application/pdf")})
        self._count(response, "evidence",
                    {"measure": measure, "sha256": hashlib.sha256(content).hexdigest()})

    def _count(self, response: Any, kind: str, sent: dict[str, Any]) -> None:
        if response.status_code == 201:
            accepted[kind].append({**sent, "id": response.json()["id"]})
        elif response.status_code == 401:
            self.token = ""  # expired or revoked: sign in again
        elif response.status_code:
            refused[f"{kind} {response.status_code}"] += 1
