from datetime import timedelta

import pytest
from django.utils import timezone

from dangjian.access.models import User
from dangjian.orgs.models import Organization
from dangjian.oversight.models import Finding, Term
from tests.access.matrix import SEES, ScopeMatrix


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
    page_url = "/oversight/"
    # A member's "own records" do not include the unit's findings.
    sees = {**SEES, "member": set()}

    def inside(self) -> Finding:
        return _finding("县财政局")

    def outside(self) -> Finding:
        return _finding("县教育局")

    def search(self, obj: Finding) -> dict:
        return {"organization": obj.organization_id, "page_size": 500}

    def page_marker(self, obj: Finding) -> str:
        return f'data-testid="finding-{obj.pk}"'

