"""A scheme with frozen results, built row by row (the services are another branch's): the
outputs and consequences read nothing else."""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from dangjian.assessment.models import Indicator, Method, Result, Scheme, TargetKind
from dangjian.orgs.models import Organization

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
