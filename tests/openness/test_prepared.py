"""Drafts from data already held: a 发展党员公示 for a development step whose publicity starts,
read from members through core.crossings; once per step, for the unit's own records only.
The other sources (组织生活会/民主评议, 巡察整改, 问责, village finances) are in
test_prepared_sources.py."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.members.models import Candidate, Step
from dangjian.openness.models import Disclosure
from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from tests.conftest import fixed_today

pytestmark = pytest.mark.django_db
PREPARE = "/api/v1/disclosures/prepare/"
TODAY = fixed_today()


def _step_in(unit_branch: Any, clerk: User) -> Step:
    person = Person.objects.filter(organization=unit_branch).order_by("pk").first()
    assert person is not None
    candidate = Candidate.objects.create(person=person, organization=unit_branch,
                                         applied_on=TODAY - timedelta(days=640),
                                         created_by=clerk)
    # a publicity of last week, on whatever day the run treats as today
    return Step.objects.create(candidate=candidate, number=3, date=TODAY - timedelta(days=8),
                               publicity_from=TODAY - timedelta(days=13), recorded_by=clerk)


def test_a_publicity_draft_is_made_once_and_only_for_the_units_own_records(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], user: Callable[[str], User],
) -> None:
    clerk = user("finance_clerk")
    step = _step_in(org("县财政局机关第一党支部"), clerk)
    edu = org("县教育局")
    _step_in(Organization.objects.filter(path__startswith=edu.path, kind="党支部")
             .order_by("path").first(), clerk)
    made = api_as("finance_clerk").post(PREPARE, {"organization": org("县财政局").pk},
                                        format="json")
    assert made.status_code == 201, made.content
    rows = [row for row in made.json() if row["source"].startswith("members.step:")]
    assert [row["source"] for row in rows] == [f"members.step:{step.pk}"]
    assert rows[0]["status"] == "拟稿" and rows[0]["audience"] == "本单位"
    assert step.candidate.person.name in rows[0]["title"]
    again = api_as("finance_clerk").post(PREPARE, {"organization": org("县财政局").pk},
                                         format="json")
    assert again.status_code == 201 and again.json() == []
    assert Disclosure.objects.filter(source__startswith="members.step:").count() == 1


def test_a_read_only_leader_cannot_prepare_drafts(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    refused = api_as("vice_head").post(PREPARE, {"organization": org("县财政局").pk},
                                       format="json")
    assert refused.status_code == 403
