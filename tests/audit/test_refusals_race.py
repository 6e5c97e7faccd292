"""Issue 10 on PostgreSQL: two first refusals of one window at once write one audit event and
count two."""

import contextlib
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import RequestFactory
from django.urls import resolve
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit import refusals
from dangjian.audit.models import AuditEvent, RefusalWindow
from dangjian.audit.verify import verify_chain


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_first_refusals_make_one_event_counting_two(
    vendor: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    if vendor != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL")
    prober = User.objects.create_user(username="race_prober")
    meet = threading.Barrier(2, timeout=3)
    real_record: Callable[..., Any] = refusals.record

    def record_after_meeting(**kwargs: Any) -> Any:
        with contextlib.suppress(threading.BrokenBarrierError):
            meet.wait()  # both found no window yet: both try to open it
        return real_record(**kwargs)

    monkeypatch.setattr(refusals, "record", record_after_meeting)
    moment = timezone.now().replace(second=20)  # one minute for both, whenever the test runs
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment)

    def refuse() -> None:
        try:
            request = RequestFactory().get("/api/v1/persons/1/")
            request.user = prober
            request.resolver_match = resolve("/api/v1/persons/1/")
            refusals.note(request, type("Answer", (), {"status_code": 404})())  # type: ignore[arg-type]
        finally:
            connection.close()

    threads = [threading.Thread(target=refuse) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert AuditEvent.objects.filter(action=refusals.ACTION, user=prober).count() == 1
    assert RefusalWindow.objects.get(subject=f"user:{prober.pk}").count == 2
    assert verify_chain().ok
