"""Issue 11: a person never approves what they requested. One account may hold both the
inspector's grant and a unit clerk's grant (a 纪检 cadre who also keeps a unit's records)."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.services import grant_role
from dangjian.oversight.models import Measure

pytestmark = pytest.mark.django_db


def test_who_submitted_a_measure_for_verification_cannot_accept_it(
    org: Callable[[str], Any], user: Callable[[str], User], today: Any,
    pdf: Callable[..., Any],
) -> None:
    both = User.objects.create(username="inspector_and_clerk")
    county = user("inspector").grants.get().organization
    grant_role(actor=None, user=both, role=Role.INSPECTOR, organization=county)
    grant_role(actor=None, user=both, role=Role.UNIT_CLERK, organization=org("县财政局"))
    client = APIClient()
    client.force_authenticate(both)
    raised = client.post("/api/v1/findings/", {
        "organization": org("县财政局").pk, "source": "巡察反馈", "category": "资金监管",
        "severity": "较重", "description": "专项资金拨付审批不规范",
        "discovered_on": str(today - timedelta(days=3))}, format="json")
    assert raised.status_code == 201, raised.content
    finding = raised.json()
    added = client.post("/api/v1/measures/", {
        "finding": finding["id"], "description": "建立集体审批制度",
        "owner": user("finance_clerk").person_id,
        "due_on": str(today + timedelta(days=30)), "criterion": "制度印发"},
        format="json")
    assert added.status_code == 201, added.content
    measure = added.json()
    client.post(f"/api/v1/measures/{measure['id']}/evidence/", {"file": pdf()},
                format="multipart")
    client.post(f"/api/v1/measures/{measure['id']}/progress/", {"text": "制度已起草"},
                format="json")
    submitted = client.post(f"/api/v1/measures/{measure['id']}/submit/")
    assert submitted.status_code == 200, submitted.content
    accepted = client.post(f"/api/v1/measures/{measure['id']}/verify/",
                           {"decision": "accept"}, format="json")
    assert accepted.status_code in (400, 403), accepted.content
    assert "本人" in accepted.content.decode()
    assert Measure.objects.get(pk=measure["id"]).status != "已销号"
    page = Client()
    page.force_login(both)
    detail = page.get(f"/oversight/measures/{measure['id']}/").content.decode()
    assert f"/oversight/measures/{measure['id']}/verify/" not in detail  # not offered either
    other = Client()
    other.force_login(user("inspector"))
    offered = other.get(f"/oversight/measures/{measure['id']}/").content.decode()
    assert f"/oversight/measures/{measure['id']}/verify/" in offered  # another inspector may
