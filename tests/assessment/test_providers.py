"""Each provider on records the test lays down in a fresh department: the figure, the points
and the records named as the basis."""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from dangjian.access.models import User
from dangjian.assessment.providers import REGISTRY, Period
from dangjian.duties.kinds import Holder
from dangjian.duties.kinds import Period as DutyPeriod
from dangjian.duties.models import Fulfilment, ResponsibilityItem, ResponsibilityList
from dangjian.members.models import Candidate, StudyRecord
from dangjian.members.models.study import StudyKind
from dangjian.orglife.models import Meeting
from dangjian.orglife.models.meetings import MeetingKind
from dangjian.orglife.services.rollups import rollup_add
from dangjian.oversight.models import (
    Accountability,
    Escalation,
    Finding,
    Measure,
    Notice,
    SelfCheck,
)
from dangjian.oversight.models.accountability import AccountabilityForm
from dangjian.oversight.models.findings import Term, TermKind
from dangjian.oversight.models.notices import NoticeStatus
from dangjian.people.models import PartyStatus, Person
from dangjian.tasks.models import Plan, ProgressReport, ReportCycle, Task, TaskStatus
from dangjian.tasks.models.plans import PlanKind

from .conftest import YEAR_2025, Department, params

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def compute(key: str, dept: Department, period: Period = YEAR_2025, **extra: Any) -> Any:
    return REGISTRY[key].compute(dept.body, period, params(**extra))


def ids(outcome: Any, model: str) -> set[int]:
    return {ref["id"] for ref in outcome.basis if ref["model"] == model}


def test_meetings_completion_is_held_over_required_of_the_compliance_report(
        department: Callable[..., Department]) -> None:
    dept = department()
    empty = compute("orglife.meetings_completion", dept)
    # 22 for the branch, and the 党组's yearly 民主生活会 (orglife LocalSettings.democratic_life)
    assert empty.raw_value["held"] == 0 and empty.raw_value["required"] == 23
    assert empty.points == Decimal("0.00")
    meeting = Meeting.objects.create(organization=dept.branch, kind=MeetingKind.BRANCH_ASSEMBLY,
                                     held_on=date(2025, 2, 20), topic="学习")
    rollup_add(meeting=meeting)
    outcome = compute("orglife.meetings_completion", dept)
    assert (outcome.raw_value["held"], outcome.raw_value["required"]) == (1, 23)
    assert outcome.points == Decimal("0.43")  # 10 × 1/23
    assert ids(outcome, "orglife.Meeting") == {meeting.pk}


def test_structure_gaps_deduct_per_gap(department: Callable[..., Department]) -> None:
    dept = department()
    outcome = compute("orglife.structure_gaps", dept, points_per_unit="2")
    assert outcome.raw_value["gaps"] == 1  # a branch with fewer than 3 full members
    assert outcome.points == Decimal("8.00")
    assert ids(outcome, "orgs.Organization") == {dept.branch.pk}


def test_duties_items_completion_counts_items_met(
        department: Callable[..., Department], user: Callable[[str], User]) -> None:
    dept = department()
    rlist = ResponsibilityList.objects.create(organization=dept.body, holder=Holder.ORGANIZATION,
                                              year=2025, title="2025年责任清单",
                                              created_by=user("assessor"))
    done, left = (ResponsibilityItem.objects.create(list=rlist, category="组织建设",
                                                    text=text, period=DutyPeriod.YEAR)
                  for text in ("研究党建工作", "讲党课"))
    Fulfilment.objects.create(item=done, done_on=date(2025, 6, 1), description="已研究",
                              recorded_by=user("assessor"))
    outcome = compute("duties.items_completion", dept)
    assert (outcome.raw_value["done"], outcome.raw_value["items"]) == (1, 2)
    assert outcome.points == Decimal("5.00")
    assert outcome.raw_value["missed"] == [left.pk]
    assert ids(outcome, "duties.ResponsibilityItem") == {done.pk, left.pk}


def _task(dept: Department, plan: Plan, number: int, due_on: date, **extra: Any) -> Task:
    return Task.objects.create(plan=plan, number=number, title=f"任务{number}",
                               lead_unit=dept.unit, leader=plan_leader(dept), due_on=due_on,
                               **extra)


def plan_leader(dept: Department) -> Person:
    return Person.objects.exclude(organization=dept.branch).first()


@pytest.fixture
def plan(department: Callable[..., Department], user: Callable[[str], User]
         ) -> tuple[Department, Plan]:
    dept = department()
    return dept, Plan.objects.create(organization=dept.unit, title="2025年工作要点",
                                     kind=PlanKind.KEY_POINTS, year=2025,
                                     created_by=user("assessor"))


def test_tasks_closed_on_time(plan: tuple[Department, Plan]) -> None:
    dept, p = plan
    on_time = _task(dept, p, 1, date(2025, 6, 30), status=TaskStatus.DONE,
                    completed_on=date(2025, 6, 20))
    late = _task(dept, p, 2, date(2025, 6, 30), status=TaskStatus.DONE,
                 completed_on=date(2025, 7, 2))
    open_ = _task(dept, p, 3, date(2025, 9, 30), status=TaskStatus.OVERDUE)
    _task(dept, p, 4, date(2026, 3, 31))  # not due in 2025
    outcome = compute("tasks.closed_on_time", dept)
    assert (outcome.raw_value["on_time"], outcome.raw_value["due"]) == (1, 3)
    assert outcome.points == Decimal("3.33")
    assert ids(outcome, "tasks.Task") == {on_time.pk, late.pk, open_.pk}
    assert sorted(outcome.raw_value["missed"]) == sorted([late.pk, open_.pk])


def test_tasks_reports_on_time(plan: tuple[Department, Plan], user: Callable[[str], User]
                               ) -> None:
    dept, p = plan
    task = _task(dept, p, 1, date(2025, 12, 31), report_cycle=ReportCycle.QUARTERLY,
                 report_day=25)
    Task.objects.filter(pk=task.pk).update(created_at=datetime(2025, 1, 5, tzinfo=SHANGHAI))
    sent = ProgressReport.objects.create(task=task, period="2025-Q1", text="推进",
                                         reported_by=user("finance_clerk"),
                                         reported_on=date(2025, 3, 20))
    ProgressReport.objects.create(task=task, period="2025-Q2", text="迟报",
                                  reported_by=user("finance_clerk"),
                                  reported_on=date(2025, 7, 3))
    outcome = compute("tasks.reports_on_time", dept)
    # four quarters owed, Q1 on time, Q2 late, Q3 and Q4 missing
    assert (outcome.raw_value["on_time"], outcome.raw_value["owed"]) == (1, 4)
    assert outcome.points == Decimal("2.50")
    assert ids(outcome, "tasks.ProgressReport") == {sent.pk}


@pytest.fixture
def finding(department: Callable[..., Department], user: Callable[[str], User]
            ) -> Callable[..., Finding]:
    dept = department()

    def term(kind: str) -> Term:
        return Term.objects.filter(kind=kind).first() or Term.objects.create(kind=kind, name="x")

    def make(discovered_on: date = date(2025, 3, 1), **extra: Any) -> Finding:
        return Finding.objects.create(
            organization=dept.unit, source=term(TermKind.SOURCE),
            category=term(TermKind.CATEGORY), severity=term(TermKind.SEVERITY),
            description="问题", discovered_on=discovered_on, raised_by=user("inspector"),
            **extra)

    make.dept = dept  # type: ignore[attr-defined]
    return make


def test_measures_on_time_less_escalations(finding: Callable[..., Finding]) -> None:
    dept = finding.dept  # type: ignore[attr-defined]
    owner = Person.objects.first()
    f = finding()
    good = Measure.objects.create(finding=f, description="a", owner=owner,
                                  due_on=date(2025, 5, 1), criterion="c",
                                  closed_on=date(2025, 4, 28))
    late = Measure.objects.create(finding=f, description="b", owner=owner,
                                  due_on=date(2025, 5, 1), criterion="c")
    escalation = Escalation.objects.create(measure=late, step=Escalation.Step.ACCOUNTABILITY,
                                           taken_on=date(2025, 5, 20))
    outcome = compute("oversight.measures_on_time", dept, points_per_escalation="1.5")
    assert (outcome.raw_value["on_time"], outcome.raw_value["due"]) == (1, 2)
    assert outcome.points == Decimal("3.50")  # 10 × 1/2 − 1.5
    assert ids(outcome, "oversight.Measure") == {good.pk, late.pk}
    assert ids(outcome, "oversight.Escalation") == {escalation.pk}


def test_notices_answered_on_time(finding: Callable[..., Finding],
                                  user: Callable[[str], User]) -> None:
    dept = finding.dept  # type: ignore[attr-defined]
    recipient = Person.objects.first()

    def notice(due: date, replied: datetime | None, status: str) -> Notice:
        return Notice.objects.create(organization=dept.unit, recipient=recipient,
                                     reply_due=due, replied_at=replied, status=status,
                                     created_by=user("inspector"))

    on_time = notice(date(2025, 4, 10), datetime(2025, 4, 10, 23, 0, tzinfo=SHANGHAI),
                     NoticeStatus.REPLIED)
    late = notice(date(2025, 4, 10), datetime(2025, 4, 11, 9, 0, tzinfo=SHANGHAI),
                  NoticeStatus.REPLIED)
    notice(date(2025, 4, 10), None, NoticeStatus.DRAFT)  # never issued: not counted
    outcome = compute("oversight.notices_answered_on_time", dept)
    assert (outcome.raw_value["on_time"], outcome.raw_value["due"]) == (1, 2)
    assert ids(outcome, "oversight.Notice") == {on_time.pk, late.pk}


def test_selfchecks_answered_on_time(finding: Callable[..., Finding], county: Any) -> None:
    dept = finding.dept  # type: ignore[attr-defined]
    origin = finding()
    answered = SelfCheck.objects.create(origin=origin, organization=dept.unit,
                                        due_on=date(2025, 8, 1), answer="不存在",
                                        answered_at=datetime(2025, 7, 30, tzinfo=SHANGHAI))
    unanswered = SelfCheck.objects.create(origin=origin, organization=dept.branch,
                                          due_on=date(2025, 8, 1))
    outcome = compute("oversight.selfchecks_on_time", dept)
    assert (outcome.raw_value["on_time"], outcome.raw_value["due"]) == (1, 2)
    assert outcome.points == Decimal("5.00")
    assert ids(outcome, "oversight.SelfCheck") == {answered.pk, unanswered.pk}


def test_repeat_findings_deduct(finding: Callable[..., Finding]) -> None:
    dept = finding.dept  # type: ignore[attr-defined]
    first = finding(date(2024, 3, 1))
    repeat = finding(date(2025, 3, 1), repeat_of=first)
    finding(date(2025, 4, 1))  # not a repeat
    outcome = compute("oversight.repeat_findings", dept, points_per_unit="3")
    assert outcome.raw_value["repeats"] == 1 and outcome.points == Decimal("7.00")
    assert ids(outcome, "oversight.Finding") == {repeat.pk}


def test_accountability_weighted_by_form_and_capped(finding: Callable[..., Finding]) -> None:
    dept = finding.dept  # type: ignore[attr-defined]

    def case(form: str, status: str = Accountability.Status.DECIDED) -> Accountability:
        return Accountability.objects.create(organization=dept.unit, form=form, reason="r",
                                             status=status, decided_on=date(2025, 6, 1))

    circular = case(AccountabilityForm.CIRCULAR)
    inspection = case(AccountabilityForm.INSPECTION)
    Accountability.objects.create(organization=dept.unit, form=AccountabilityForm.CIRCULAR,
                                  reason="r")  # only proposed: not counted
    outcome = compute("oversight.accountability", dept)
    assert outcome.raw_value["weight"] == "3" and outcome.points == Decimal("7.00")
    assert ids(outcome, "oversight.Accountability") == {circular.pk, inspection.pk}
    capped = compute("oversight.accountability", dept, points_per_unit="2", cap="4")
    assert capped.points == Decimal("6.00")  # 6 lost, at most 4


def test_steps_overdue(department: Callable[..., Department], person: Callable[..., Person],
                       user: Callable[[str], User]) -> None:
    dept = department()
    # applied in March, never talked to: the talk was due within a month
    late = Candidate.objects.create(person=person(dept.branch, PartyStatus.MASSES),
                                    organization=dept.branch, applied_on=date(2025, 3, 3),
                                    created_by=user("finance_clerk"))
    outcome = compute("members.steps_overdue", dept)
    assert outcome.raw_value["candidates"] == 1 and outcome.points == Decimal("9.00")
    assert ids(outcome, "members.Candidate") == {late.pk}


def test_study_coverage_counts_every_member(department: Callable[..., Department],
                                            person: Callable[..., Person],
                                            user: Callable[[str], User]) -> None:
    dept = department()
    studied = person(dept.branch)
    probationary = person(dept.branch, PartyStatus.PROBATIONARY)
    person(dept.branch, PartyStatus.MASSES)  # not a member: not in the denominator
    StudyRecord.objects.create(organization=dept.branch, person=studied,
                               kind=StudyKind.values[0], date=date(2025, 5, 1),
                               hours=Decimal("4"), topic="学习",
                               recorded_by=user("finance_clerk"))
    outcome = compute("members.study_coverage", dept)
    assert (outcome.raw_value["covered"], outcome.raw_value["members"]) == (1, 2)
    assert outcome.points == Decimal("5.00")
    assert ids(outcome, "people.Person") == {probationary.pk}
