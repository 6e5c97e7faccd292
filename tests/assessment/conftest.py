"""Fixtures of the assessment tests: a fresh department (unit, party group, branch) built on the
demo county, so each provider is checked on records the test itself lays down; a scheme
builder going through the services; and a scheme with frozen results built row by row, which
is all the outputs and consequences read."""

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.assessment.models import Indicator, Method, Result, Scheme, TargetKind
from dangjian.assessment.providers import Period
from dangjian.assessment.services import schemes
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.models import PartyStatus, Person

SEQUENCE = itertools.count(1)
YEAR_2025 = Period("2025", date(2025, 1, 1), date(2025, 12, 31))


@dataclass
class Department:
    unit: Organization
    body: Organization  # 党组: the assessment's target
    branch: Organization


def _child(parent: Organization, name: str, kind: str) -> Organization:
    parent = Organization.objects.get(pk=parent.pk)
    return Organization.objects.add_child(parent, {"name": name, "kind": kind,
                                                   "parent": parent})


@pytest.fixture
def county(db: None) -> Organization:
    return Organization.objects.filter(kind=OrgKind.COUNTY_COMMITTEE).order_by("path").first()


@pytest.fixture
def department(county: Organization) -> Callable[[str], Department]:
    group = Organization.objects.filter(parent=county, kind=OrgKind.PARTY_GROUP).first()

    def make(name: str = "县考核测试局") -> Department:
        unit = _child(group, name, OrgKind.GOVERNMENT_UNIT)
        body = _child(unit, f"{name}党组", OrgKind.PARTY_GROUP)
        branch = _child(body, f"{name}机关党支部", OrgKind.BRANCH)
        return Department(unit, body, branch)

    return make


@pytest.fixture
def person(db: None) -> Callable[..., Person]:
    def make(organization: Organization, status: str = PartyStatus.FULL_MEMBER) -> Person:
        n = next(SEQUENCE)
        return Person.objects.create(
            name=f"测试{n}", gender="男", birth_date=date(1980, 1, 1), party_status=status,
            organization=organization, id_number_encrypted="x",
            id_number_hash=f"assessment-test-{n}", id_number_masked="1101**********0011")

    return make


def params(max_points: str = "10", **extra: Any) -> dict[str, Any]:
    return {"max_points": max_points, "as_of": "2025-12-31", **extra}


@pytest.fixture
def assessor(user: Callable[[str], User]) -> User:
    return user("assessor")


@pytest.fixture
def draft(assessor: User, county: Organization) -> Callable[..., Scheme]:
    """A 部门党组 scheme of 2026 over the county with one AUTO and one MANUAL indicator
    (60 + 40 points), not yet published."""

    def make(year: int = 2026, **extra: Any) -> Scheme:
        scheme = schemes.create_scheme(assessor, year=year, name="党建工作考核",
                                       target_kind=TargetKind.DEPARTMENT, organization=county,
                                       **extra)
        schemes.add_indicator(assessor, scheme, code="1", name="组织生活", max_points=60,
                              method=Method.AUTO, provider="orglife.meetings_completion")
        schemes.add_indicator(assessor, scheme, code="2", name="工作实绩", max_points=40,
                              method=Method.MANUAL)
        return scheme

    return make


@pytest.fixture
def published(draft: Callable[..., Scheme], assessor: User) -> Callable[..., Scheme]:
    def make(**extra: Any) -> Scheme:
        return schemes.publish(assessor, draft(**extra))

    return make


POINTS = Decimal


UNITS = ("县教育局党组", "县发展和改革局机关党委", "县财政局党组")  # ranked in this order
TOTALS = (Decimal("93.50"), Decimal("81.25"), Decimal("55.00"))
GRADES = ("好", "较好", "差")


@pytest.fixture
def frozen_scheme(org: Callable[[str], Organization]) -> Callable[..., Scheme]:
    """A 2026 scheme at ``status`` with two 一级 indicators and three ranked units; the third,
    县财政局党组, graded 差."""

    def make(status: str = Scheme.Status.RELEASED) -> Scheme:
        scheme = Scheme.objects.create(
            year=2026, name="部门党组党建工作考核", target_kind=TargetKind.DEPARTMENT,
            organization=org("中共示范县委员会"), basis="《示范县党建工作考核办法》",
            document_number="示组〔2026〕3号", status=status)
        duty = Indicator.objects.create(scheme=scheme, code="1", name="主体责任",
                                        max_points=Decimal(60))
        Indicator.objects.create(scheme=scheme, parent=duty, code="1.1", name="责任清单完成率",
                                 max_points=Decimal(60), method=Method.AUTO,
                                 provider="duties.items_completion")
        life = Indicator.objects.create(scheme=scheme, code="2", name="组织生活",
                                        max_points=Decimal(40))
        Indicator.objects.create(scheme=scheme, parent=life, code="2.1", name="三会一课",
                                 max_points=Decimal(40), method=Method.AUTO,
                                 provider="orglife.meetings_completion")
        for rank, (name, total, grade) in enumerate(zip(UNITS, TOTALS, GRADES, strict=True), 1):
            Result.objects.create(scheme=scheme, organization=org(name), total=total, rank=rank,
                                  grade=grade, breakdown={"1.1": str(total - 30), "2.1": "30"})
        return scheme

    return make


@pytest.fixture
def demo_scheme(db: None) -> Scheme:
    """The demo's scheme (dangjian.assessment.demo): published and scored, 评分中."""
    return Scheme.objects.get(name="部门党组（党委）党建工作考核")


@pytest.fixture
def signed_in(user: Callable[[str], Any]) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return client_for
