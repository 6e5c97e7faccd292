from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Finding, Measure, RiskPoint, Term
from dangjian.people.models import Person
from tests.access.matrix import MEMBERS_BRANCH, ScopeMatrix, member_sees


def _finding(unit: str) -> Finding:
    existing = Finding.objects.filter(organization__name=unit).first()
    if existing:
        return existing
    return Finding.objects.create(
        organization=Organization.objects.get(name=unit),
        source=Term.objects.get(kind="source", name="监督执纪"),
        category=Term.objects.get(kind="category", name="作风建设"),
        severity=Term.objects.get(kind="severity", name="一般"),
        description=f"{unit}的问题", discovered_on=timezone.localdate() - timedelta(days=1),
        raised_by=User.objects.get(username="inspector"),
    )


@pytest.mark.django_db
class TestFindingsMatrix(ScopeMatrix):
    list_url = "/api/v1/findings/"
    page_url = "/oversight/findings/"
    # A member's "own records" do not include the unit's findings.
    sees = member_sees()

    def inside(self) -> Finding:
        return _finding("县财政局")

    def branch(self) -> Finding:
        return _finding(MEMBERS_BRANCH)

    def outside(self) -> Finding:
        return _finding("县教育局")

    def search(self, obj: Finding) -> dict:
        return {"organization": obj.organization_id, "page_size": 500, "per_page": 100}

    def page_marker(self, obj: Finding) -> str:
        return f'data-testid="finding-{obj.pk}"'



def _measure(unit: str) -> Measure:
    finding = _finding(unit)
    existing = finding.measures.first()
    if existing:
        return existing
    return Measure.objects.create(
        finding=finding, description=f"{unit}的整改措施", owner=Person.objects.first(),
        due_on=timezone.localdate() + timedelta(days=30), criterion="完成")


@pytest.mark.django_db
class TestMeasuresMatrix(ScopeMatrix):
    list_url = "/api/v1/measures/"
    page_url = "/oversight/measures/"
    sees = member_sees()

    def inside(self) -> Measure:
        return _measure("县财政局")

    def branch(self) -> Measure:
        return _measure(MEMBERS_BRANCH)

    def outside(self) -> Measure:
        return _measure("县教育局")

    def search(self, obj: Measure) -> dict:
        return {"finding": obj.finding_id, "page_size": 500, "per_page": 100}

    def page_marker(self, obj: Measure) -> str:
        return f'data-testid="measure-{obj.pk}"'


def _risk_point(unit: str) -> RiskPoint:
    return RiskPoint.objects.get_or_create(
        organization=Organization.objects.get(name=unit), post="科长",
        defaults={"area": Term.objects.get(kind="risk_area", name="审批监管"), "risk": "风险",
                  "level": "中", "controls": "制度", "review_on": timezone.localdate()})[0]


@pytest.mark.django_db
class TestRiskPointsMatrix(ScopeMatrix):
    list_url = "/api/v1/risk-points/"
    page_url = "/oversight/risk-points/"
    sees = member_sees()

    def inside(self) -> RiskPoint:
        return _risk_point("县财政局")

    def branch(self) -> RiskPoint:
        return _risk_point(MEMBERS_BRANCH)

    def outside(self) -> RiskPoint:
        return _risk_point("县教育局")

    def search(self, obj: RiskPoint) -> dict:
        return {"organization": obj.organization_id, "page_size": 500, "per_page": 100}

    def page_marker(self, obj: RiskPoint) -> str:
        return f'data-testid="risk-{obj.pk}"'


@pytest.mark.django_db
def test_a_plain_member_gets_no_ledger_and_a_clerk_gets_the_branchs_findings(
    user: Callable[[str], User],
) -> None:
    """Issue 10: the member's branch reach put the branch's findings into the ledger."""
    branch_finding = _finding(MEMBERS_BRANCH)
    member = Client()
    member.force_login(user("member"))
    refused = member.get("/oversight/ledger.xlsx")
    assert refused.status_code == 403
    assert branch_finding.description.encode() not in refused.content
    clerk = Client()
    clerk.force_login(user("finance_clerk"))
    answered = clerk.get("/oversight/ledger.xlsx")
    assert answered.status_code == 200
    assert answered["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml")


@pytest.mark.django_db
def test_a_measure_owner_from_another_unit_reads_as_a_missing_person(
    user: Callable[[str], User], api_as: Callable[[str], Any],
) -> None:
    """Issue 10: an owner from 县教育局 was accepted (201/200), and a missing id answered
    differently from an existing one (an oracle over all person ids)."""
    measure = _measure("县财政局")
    clerk = api_as("finance_clerk")
    foreign = user("edu_clerk").person_id
    missing = Person.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1
    body = {"finding": measure.finding_id, "description": "措施", "criterion": "完成",
            "due_on": str(timezone.localdate() + timedelta(days=30))}
    count = Measure.objects.count()
    created = [clerk.post("/api/v1/measures/", {**body, "owner": pk}, format="json")
               for pk in (foreign, missing)]
    assert [r.status_code for r in created] == [400, 400]
    assert created[0].json() == created[1].json()
    assert created[0].json()["errors"]["owner"] == ["所选对象不存在，或不在您的范围内"]
    assert Measure.objects.count() == count
    owner = measure.owner_id
    patched = [clerk.patch(f"/api/v1/measures/{measure.pk}/",
                           {"owner": pk, "version": measure.version}, format="json")
               for pk in (foreign, missing)]
    assert [r.status_code for r in patched] == [400, 400]
    assert patched[0].json() == patched[1].json()
    measure.refresh_from_db()
    assert measure.owner_id == owner
