"""The production path: Celery beat's task through the real Redis broker to a real worker."""

import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone

from dangjian.celery import app
from dangjian.oversight.models import Escalation
from dangjian.oversight.services.findings import finding_create
from dangjian.oversight.services.measures import measure_create

REDIS_TEST_DB = "redis://127.0.0.1:6379/15"  # a database of its own: nothing else's keys


def test_the_beat_schedule_runs_the_escalation_every_morning() -> None:
    entry = app.conf.beat_schedule["oversight.escalate_daily"]
    assert entry["task"] == "oversight.escalate_daily"
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {30}


@pytest.mark.django_db(transaction=True)
def test_the_escalation_task_runs_through_redis_in_a_worker(
    committed_demo: None, user: Callable[[str], Any], org: Callable[[str], Any],
) -> None:
    today = timezone.localdate()
    finding = finding_create(
        actor=user("inspector"), organization=org("县财政局"), source="监督执纪",
        category="纪律建设", severity="一般", description="违规发放津补贴",
        discovered_on=today - timedelta(days=30))
    measure = measure_create(actor=user("finance_clerk"), finding=finding,
                             description="清退违规津补贴", owner=user("finance_clerk").person,
                             due_on=today - timedelta(days=1), criterion="退款凭证")
    # A queue of this run's own: two suites on one machine must not take each other's tasks.
    app.conf.update(broker_url=REDIS_TEST_DB, result_backend=REDIS_TEST_DB,
                    task_default_queue=f"dangjian-test-{uuid.uuid4().hex}")
    with start_worker(app, pool="solo", perform_ping_check=False):
        result = app.send_task("oversight.escalate_daily").get(timeout=60)
    assert result["scanned"] >= 1 and result["overdue"] >= 1
    assert Escalation.objects.filter(measure=measure, step="overdue").exists()
