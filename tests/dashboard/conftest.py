"""Records of every module in two departments (县财政局, in vice_head's 分管 set, and 县教育局,
outside it), with red, yellow and green deadlines around the suite's fixed today."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from dangjian.access.models import User
from dangjian.assessment.models import Indicator, Scheme, Score
from dangjian.assessment.models.schemes import Method, TargetKind
from dangjian.members.models import Candidate
from dangjian.orgs.models import Organization, OrgKind
from dangjian.oversight.models import (
    Accountability,
    Finding,
    Measure,
    Notice,
    NoticeStatus,
    Term,
)
from dangjian.oversight.models.accountability import FourForms
from dangjian.people.models import Person
from dangjian.tasks.matching import charged_leader
from dangjian.tasks.models import Plan, Task

UNITS = ("县财政局", "县教育局")


@dataclass
class Built:
    tasks: dict[str, list[Task]]
    findings: dict[str, list[Finding]]
    measures: dict[str, list[Measure]]
    notices: dict[str, Notice]
    scheme: Scheme


def _finding(unit: Organization, n: int, inspector: User, **extra: Any) -> Finding:
    return Finding.objects.create(
        organization=unit, source=Term.objects.get(kind="source", name="监督执纪"),
        category=Term.objects.get(kind="category", name="作风建设"),
        severity=Term.objects.get(kind="severity", name="一般"),
        description=f"{unit.name}驾驶舱问题{n}", responsible_leader=charged_leader(unit),
        discovered_on=timezone.localdate() - timedelta(days=40), raised_by=inspector, **extra)


@pytest.fixture
def built(db: None) -> Built:
    return build()


def build() -> Built:
    today = timezone.localdate()
    head = User.objects.get(username="county_head")
    inspector = User.objects.get(username="inspector")
    area = inspector.grants.get().organization
    owner = Person.objects.first()
    tasks: dict[str, list[Task]] = {}
    findings: dict[str, list[Finding]] = {}
    measures: dict[str, list[Measure]] = {}
    notices: dict[str, Notice] = {}
    scheme = Scheme.objects.create(year=today.year, name="部门党组党建考核",
                                   target_kind=TargetKind.DEPARTMENT, organization=area,
                                   status=Scheme.Status.SCORING)
    indicator = Indicator.objects.create(scheme=scheme, code="1.1", name="三会一课",
                                         max_points=Decimal(10), method=Method.AUTO)
    for n, name in enumerate(UNITS):
        unit = Organization.objects.get(name=name)
        plan = Plan.objects.create(organization=unit, title=f"{name}驾驶舱要点", kind="工作要点",
                                   year=today.year, created_by=head)
        tasks[name] = [Task.objects.create(plan=plan, number=k + 1, title=f"{name}任务{k}",
                                           lead_unit=unit, leader=charged_leader(unit),
                                           due_on=today + timedelta(days=days))
                       for k, days in enumerate((-3, -1, 0, 60))]
        findings[name] = [_finding(unit, k, inspector) for k in range(3)]
        findings[name].append(_finding(unit, 9, inspector, repeat_of=findings[name][0]))
        measures[name] = [Measure.objects.create(
            finding=finding, description=f"{finding.description}的措施", owner=owner,
            due_on=today + timedelta(days=days), criterion="完成")
            for finding, days in zip(findings[name], (-5, 0, 90, -2), strict=True)]
        notice = Notice.objects.create(recipient=charged_leader(unit), organization=area,
                                       reply_due=today - timedelta(days=2), created_by=inspector,
                                       status=NoticeStatus.ISSUED, title=f"{name}提示单")
        notice.findings.set(findings[name][:1])
        notices[name] = notice
        Accountability.objects.create(organization=unit, reason=f"{name}问责",
                                      four_forms=FourForms.FIRST)
        # a 部门党组 scheme scores the department's party group (assessment.targets_of)
        body = Organization.objects.get(name=f"{name}党组")
        Score.objects.create(indicator=indicator, organization=body, period=str(today.year),
                             points=Decimal(8 - 3 * n), basis=[
                                 {"model": "oversight.finding", "id": findings[name][0].pk}],
                             basis_text="问题未按期整改")
        branch = Organization.objects.filter(path__startswith=unit.path,
                                             kind=OrgKind.BRANCH).first()
        applicant = Person.objects.filter(organization=branch).exclude(
            development_records__isnull=False).last() if branch else None
        if applicant is not None:
            Candidate.objects.create(person=applicant, organization=branch,
                                     applied_on=today - timedelta(days=200), created_by=head)
    return Built(tasks, findings, measures, notices, scheme)
