from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone

from dangjian.access.models import User
from dangjian.orglife.models import Meeting
from dangjian.orglife.services.meetings import meeting_record
from dangjian.orgs.models import Organization
from dangjian.people.models import Person
from tests.access.matrix import BRANCH, INSIDE, ScopeMatrix, member_sees

from .conftest import EDUCATION_BRANCH, FINANCE_BRANCH


def _meeting(branch_name: str, clerk: str) -> Meeting:
    branch = Organization.objects.get(name=branch_name)
    existing = Meeting.objects.filter(organization=branch).first()
    if existing:
        return existing
    people = list(Person.objects.filter(organization=branch, party_status="正式党员"))
    return meeting_record(actor=User.objects.get(username=clerk), organization=branch,
                          kind="主题党日", held_on=timezone.localdate() - timedelta(days=2),
                          topic="重温入党誓词", attendees=people)


@pytest.mark.django_db
class TestMeetingsMatrix(ScopeMatrix):
    list_url = "/api/v1/meetings/"
    page_url = "/orglife/meetings/"
    # A member sees the meetings of their own branch (Meeting.scope_fields.member_branch):
    # "inside" is a meeting of that branch too.
    sees = member_sees(INSIDE, BRANCH)

    def inside(self) -> Meeting:
        return _meeting(FINANCE_BRANCH, "finance_clerk")

    def branch(self) -> Meeting:
        return self.inside()

    def outside(self) -> Meeting:
        return _meeting(EDUCATION_BRANCH, "edu_clerk")

    def search(self, obj: Meeting) -> dict:
        return {"organization": obj.organization_id, "page_size": 500}

    def page_marker(self, obj: Meeting) -> str:
        return f'data-testid="meeting-{obj.pk}"'


def test_the_member_in_the_matrix_belongs_to_the_inside_branch(
    user: Callable[[str], User],
) -> None:
    assert user("member").person.organization.name == FINANCE_BRANCH
