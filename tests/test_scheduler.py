from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from dangjian.notifications.models import Notification
from dangjian.oversight.services.findings import finding_create
from dangjian.oversight.services.measures import measure_create
from dangjian.scheduler import DAILY_JOBS, _job, run_daily_jobs


def test_every_daily_job_resolves_to_a_function() -> None:
    assert all(callable(_job(path)) for path in DAILY_JOBS)


@pytest.mark.django_db
def test_the_daily_jobs_run_in_process_and_twice_send_nothing_twice(
    user: Callable[[str], Any], org: Callable[[str], Any],
) -> None:
    today = timezone.localdate()
    finding = finding_create(actor=user("inspector"), organization=org("县财政局"),
                             source="派驻监督", category="作风建设", severity="一般",
                             description="公车私用", discovered_on=today - timedelta(days=20))
    measure_create(actor=user("finance_clerk"), finding=finding, description="追缴费用",
                   owner=user("finance_clerk").person, due_on=today - timedelta(days=2),
                   criterion="缴款凭证")
    before = Notification.objects.count()
    run_daily_jobs()
    after_first = Notification.objects.count()
    run_daily_jobs()
    assert after_first > before and Notification.objects.count() == after_first
