"""Registers' records keep who created and last changed them, stamped from the audit event of
each write (core.models.Recorded), so the stamp and the 办理记录 agree."""

from collections.abc import Callable
from typing import Any

import pytest

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.audit.services import record
from dangjian.core.models import Recorded
from dangjian.oversight.models import Finding, Measure, Notice, RiskPoint
from dangjian.tasks.models import Plan, Task

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [Finding, Notice, Measure, RiskPoint, Plan, Task])
def test_the_main_registers_are_recorded(model: Any) -> None:
    assert issubclass(model, Recorded)
    names = {field.name for field in model._meta.get_fields()}
    assert {"created_at", "updated_at", "created_by", "updated_by"} <= names


def test_a_write_stamps_its_record_from_its_audit_event(
    raise_finding: Callable[..., dict[str, Any]], add_measure: Callable[..., dict[str, Any]],
    user: Callable[[str], User],
) -> None:
    finding = Finding.objects.get(pk=raise_finding()["id"])
    created = AuditEvent.objects.filter(action="finding.create", object_id=str(finding.pk)).get()
    assert finding.created_by == user("inspector") == finding.updated_by
    assert finding.updated_at == created.created_at
    measure = Measure.objects.get(pk=add_measure({"id": finding.pk})["id"])
    assert measure.created_by == user("finance_clerk") == measure.updated_by
    # The inspector's later step on the finding leaves its creator and moves its stamp.
    assert Finding.objects.get(pk=finding.pk).created_by == user("inspector")


def test_a_refused_step_stamps_nothing(raise_finding: Callable[..., dict[str, Any]]) -> None:
    finding = Finding.objects.get(pk=raise_finding()["id"])
    before = (finding.updated_at, finding.updated_by_id)
    record(actor=None, action="finding.create", target=finding, success=False)
    finding.refresh_from_db()
    assert (finding.updated_at, finding.updated_by_id) == before
