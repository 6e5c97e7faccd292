"""Fixtures of the assessment tests: a fresh department (unit, party group, branch) built on the
demo county, so each provider is checked on records the test itself lays down, and a scheme
builder going through the services."""

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from dangjian.access.models import User
from dangjian.assessment.models import Method, Scheme, TargetKind
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
