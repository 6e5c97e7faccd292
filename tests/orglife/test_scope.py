from collections.abc import Callable
from datetime import timedelta

import pytest
from django.utils import timezone

from dangjian.access.models import User
from dangjian.orglife.models import HeartTalk, LifeMeeting, Meeting
from dangjian.orglife.services.lifemeetings import life_meeting_create
from dangjian.orglife.services.meetings import meeting_record
from dangjian.orglife.services.talks import talk_create
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


def _talk(branch_name: str, clerk: str, *, with_member: bool) -> HeartTalk:
    """A 党员之间 talk of the branch (the demo branches have no committee: everyone is a
    plain member), naming the demo ``member`` or not."""
    branch = Organization.objects.get(name=branch_name)
    member = User.objects.get(username="member").person
    found = HeartTalk.objects.filter(organization=branch)
    found = found.filter(talkee=member) if with_member else found.exclude(talkee=member)
    if found.exists():
        return found.first()  # type: ignore[return-value]
    people = list(Person.objects.filter(organization=branch, party_status="正式党员")
                  .exclude(pk=member.pk).order_by("pk"))
    return talk_create(actor=User.objects.get(username=clerk), organization=branch,
                       talker=people[0], talkee=member if with_member else people[1],
                       kind="党员之间", held_on=timezone.localdate() - timedelta(days=3),
                       summary="谈心")


@pytest.mark.django_db
class TestHeartTalksMatrix(ScopeMatrix):
    list_url = "/api/v1/heart-talks/"
    page_url = "/orglife/talks/"
    # A plain member sees the talks naming them, not the branch's others.
    sees = member_sees(INSIDE)

    def inside(self) -> HeartTalk:
        return _talk(FINANCE_BRANCH, "finance_clerk", with_member=True)

    def branch(self) -> HeartTalk:
        return _talk(FINANCE_BRANCH, "finance_clerk", with_member=False)

    def outside(self) -> HeartTalk:
        return _talk(EDUCATION_BRANCH, "edu_clerk", with_member=False)

    def search(self, obj: HeartTalk) -> dict:
        return {"organization": obj.organization_id, "page_size": 500}

    def page_marker(self, obj: HeartTalk) -> str:
        return f'data-testid="talk-{obj.pk}"'


def _life_meeting(group_name: str, clerk: str) -> LifeMeeting:
    group = Organization.objects.get(name=group_name)
    existing = LifeMeeting.objects.filter(organization=group).first()
    if existing:
        return existing
    today = timezone.localdate()
    return life_meeting_create(actor=User.objects.get(username=clerk), organization=group,
                               year=today.year, topic="年度民主生活会", planned_on=today,
                               plan="工作方案")


@pytest.mark.django_db
class TestLifeMeetingsMatrix(ScopeMatrix):
    list_url = "/api/v1/life-meetings/"
    page_url = "/orglife/life-meetings/"
    # A leading group's meeting: a plain member of a branch below sees none.
    sees = member_sees()

    def inside(self) -> LifeMeeting:
        return _life_meeting("县财政局党组", "finance_clerk")

    def branch(self) -> LifeMeeting:
        return self.inside()

    def outside(self) -> LifeMeeting:
        return _life_meeting("县教育局党组", "edu_clerk")

    def search(self, obj: LifeMeeting) -> dict:
        return {"organization": obj.organization_id, "page_size": 500}

    def page_marker(self, obj: LifeMeeting) -> str:
        return f'data-testid="life-meeting-{obj.pk}"'
