"""Every demo role against one task, plan and bulletin inside its scope and one outside."""

from datetime import date

import pytest
from django.db.models import Model
from django.utils import timezone

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.tasks.matching import charged_leader
from dangjian.tasks.models import Bulletin, Plan, Task
from tests.access.matrix import MEMBERS_BRANCH, ScopeMatrix, member_sees

# A member's own records are their person and branch, not the unit's tasks and plans.
UNIT_SEES = member_sees()
TODAY = timezone.localdate()  # the suite's fixed clock


def _plan(unit: str) -> Plan:
    plan, _ = Plan.objects.get_or_create(
        organization=Organization.objects.get(name=unit), title=f"{unit}工作要点",
        kind="工作要点", year=TODAY.year,
        defaults={"created_by": User.objects.get(username="county_head")})
    return plan


def _task(unit: str) -> Task:
    lead = Organization.objects.get(name=unit)
    task, _ = Task.objects.get_or_create(
        plan=_plan(unit), number=1, title=f"{unit}的任务",
        defaults={"lead_unit": lead, "leader": charged_leader(lead),
                  "due_on": date(TODAY.year, 12, 31)})
    return task


@pytest.mark.django_db
class TestTasksMatrix(ScopeMatrix):
    list_url = "/api/v1/tasks/"
    page_url = "/tasks/tasks/"
    sees = UNIT_SEES

    def inside(self) -> Model:
        return _task("县财政局")

    def branch(self) -> Model:
        return _task(MEMBERS_BRANCH)

    def outside(self) -> Model:
        return _task("县教育局")

    def search(self, obj: Model) -> dict:
        assert isinstance(obj, Task)
        return {"lead_unit": obj.lead_unit_id, "page_size": 500, "per_page": 100}

    def page_marker(self, obj: Model) -> str:
        return f'data-testid="task-{obj.pk}"'


@pytest.mark.django_db
class TestPlansMatrix(ScopeMatrix):
    list_url = "/api/v1/plans/"
    page_url = "/tasks/plans/"
    sees = UNIT_SEES

    def inside(self) -> Model:
        return _plan("县财政局")

    def branch(self) -> Model:
        return _plan(MEMBERS_BRANCH)

    def outside(self) -> Model:
        return _plan("县教育局")

    def search(self, obj: Model) -> dict:
        assert isinstance(obj, Plan)
        return {"organization": obj.organization_id, "page_size": 500, "per_page": 100}

    def page_marker(self, obj: Model) -> str:
        return f'data-testid="plan-{obj.pk}"'


def _bulletin(unit: str) -> Bulletin:
    bulletin, _ = Bulletin.objects.get_or_create(
        organization=Organization.objects.get(name=unit), year=TODAY.year,
        sequence={"县财政局": 1, "县教育局": 2}.get(unit, 3),
        defaults={"title": f"{unit}督办任务通报", "body": ["正文"],
                  "issued_by": User.objects.get(username="county_head"),
                  "issued_on": date(TODAY.year, 1, 1)})
    return bulletin


@pytest.mark.django_db
class TestBulletinsMatrix(ScopeMatrix):
    list_url = "/api/v1/bulletins/"
    page_url = "/tasks/bulletins/"
    sees = UNIT_SEES

    def inside(self) -> Model:
        return _bulletin("县财政局")

    def branch(self) -> Model:
        return _bulletin(MEMBERS_BRANCH)

    def outside(self) -> Model:
        return _bulletin("县教育局")

    def page_marker(self, obj: Model) -> str:
        return f'data-testid="bulletin-{obj.pk}"'
