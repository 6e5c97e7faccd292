"""The shared permission matrix for the members endpoints and pages."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from dangjian.access.models import User
from dangjian.members.models import Candidate, StudyRecord, Visit
from dangjian.members.services.candidates import candidate_open
from dangjian.members.services.study import study_record_create
from dangjian.members.services.visits import visit_create
from dangjian.orgs.models import Organization
from tests.access.matrix import BRANCH, INSIDE, MEMBERS_BRANCH, ScopeMatrix, member_sees

from .conftest import new_id_number


def _candidate(clerk: str, branch: str, name: str) -> Candidate:
    return candidate_open(actor=User.objects.get(username=clerk),
                          organization=Organization.objects.get(name=branch),
                          applied_on=timezone.localdate() - timedelta(days=10), name=name,
                          id_number=new_id_number())


@pytest.mark.django_db
class TestCandidatesMatrix(ScopeMatrix):
    list_url = "/api/v1/candidates/"
    page_url = "/members/candidates/"
    # A member sees their own file only, not the applicants of their branch.
    sees = member_sees()

    def inside(self) -> Candidate:
        return _candidate("finance_clerk", "县财政局机关第二党支部", "财申请")

    def branch(self) -> Candidate:
        return _candidate("finance_clerk", MEMBERS_BRANCH, "财支部申请")

    def outside(self) -> Candidate:
        return _candidate("edu_clerk", "县教育局机关第一党支部", "教申请")

    def search(self, obj: Candidate) -> dict:
        return {"name": obj.person.name, "page_size": 500}

    def page_marker(self, obj: Candidate) -> str:
        return f'data-testid="candidate-{obj.pk}"'


def _study(username: str, clerk_name: str = "") -> StudyRecord:
    person = User.objects.get(username=username).person
    clerk = User.objects.get(username=clerk_name or username)
    return study_record_create(actor=clerk, person=person, kind="专题研讨",
                               date=timezone.localdate(), hours=Decimal(4), topic="专题研讨")


@pytest.mark.django_db
class TestStudyRecordsMatrix(ScopeMatrix):
    list_url = "/api/v1/study-records/"
    page_url = "/members/study/"
    # A member sees their own study and their branch's (StudyRecord.scope_fields.member_branch).
    sees = member_sees(INSIDE, BRANCH)

    def inside(self) -> StudyRecord:
        return _study("member", "finance_clerk")

    def branch(self) -> StudyRecord:
        return _study("finance_clerk")

    def outside(self) -> StudyRecord:
        return _study("edu_clerk")

    def search(self, obj: StudyRecord) -> dict:
        return {"person": obj.person_id, "page_size": 500}

    def page_marker(self, obj: StudyRecord) -> str:
        return f'data-testid="study-{obj.pk}"'


def _visit(clerk: str, visited: str) -> Visit:
    return visit_create(actor=User.objects.get(username=clerk),
                        person=User.objects.get(username=visited).person, kind="老党员",
                        campaign="春节",
                        date=timezone.localdate() - timedelta(days=20), visitors=[],
                        other_visitors="县领导")


@pytest.mark.django_db
class TestVisitsMatrix(ScopeMatrix):
    list_url = "/api/v1/visits/"
    page_url = "/members/visits/"
    # A member sees the visits to themselves, not those to colleagues.
    sees = member_sees(INSIDE)

    def inside(self) -> Visit:
        return _visit("finance_clerk", "member")

    def branch(self) -> Visit:
        return _visit("finance_clerk", "finance_clerk")

    def outside(self) -> Visit:
        return _visit("edu_clerk", "edu_clerk")

    def search(self, obj: Visit) -> dict:
        return {"person": obj.person_id, "page_size": 500}

    def page_marker(self, obj: Visit) -> str:
        return f'data-testid="visit-{obj.pk}"'
