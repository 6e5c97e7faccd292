"""The demo's year of work (dangjian.demo.records): red items for the county head to open, each
vice head limited to his 分管 departments, every record's page answering, and every record in
a state the apps' own rules allow."""

import re
from collections.abc import Callable

import pytest
from django.db.models import Model, Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dangjian.access.models import User
from dangjian.core.links import record_link
from dangjian.duties.models import ResponsibilityItem, ResponsibilityList
from dangjian.members import rules as member_rules
from dangjian.members.models import Candidate, StudyRecord, Visit
from dangjian.orglife.models import HeartTalk, LifeMeeting, LifeMeetingStage
from dangjian.orglife.services.talks import coverage
from dangjian.oversight.models import (
    Accountability,
    Campaign,
    Finding,
    Inspection,
    Measure,
    MeasureStatus,
    Notice,
    NoticeAction,
    NoticeStatus,
    RiskPoint,
    SelfCheck,
)
from dangjian.oversight.models.findings import FindingStatus
from dangjian.oversight.selectors import findings_for, measures_for, notices_for
from dangjian.people.models import Charge
from dangjian.tasks.models import Plan, Task, TaskStatus
from dangjian.tasks.selectors import by_light, lights, tasks_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_records")]

OPEN_NOTICE = (NoticeStatus.ISSUED, NoticeStatus.ACKNOWLEDGED)
# Every kind of generated record; two of each (first and last) are opened as the county head.
KINDS: list[type[Model]] = [
    ResponsibilityList, ResponsibilityItem, Plan, Task, Finding, Measure, Notice, SelfCheck,
    Accountability, RiskPoint, Candidate, StudyRecord, Visit, HeartTalk, LifeMeeting,
    Inspection, Campaign,
]
REGISTERS = [
    "duties:responsibilitylist_list", "duties:responsibilityitem_list", "tasks:task_list",
    "tasks:plan_list", "oversight:finding_list", "oversight:measure_list",
    "oversight:notice_list", "oversight:selfcheck_list", "oversight:accountability_list",
    "oversight:riskpoint_list", "oversight:inspection_list", "oversight:campaign_list",
    "members:candidate_list", "members:studyrecord_list",
    "members:visit_list", "orglife:hearttalk_list", "orglife:lifemeeting_list",
]


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_county_head_has_red_tasks_overdue_notices_and_red_measures(
    user: Callable[[str], User],
) -> None:
    head, today = user("county_head"), timezone.localdate()
    assert by_light(tasks_for(head), "red", lights()).exists()
    assert notices_for(head).filter(reply_due__lt=today, status__in=OPEN_NOTICE).exists()
    assert measures_for(head).exclude(status=MeasureStatus.CLOSED).filter(
        due_on__lt=today).exists()


def test_a_red_task_is_marked_overdue_as_the_daily_job_would(user: Callable[[str], User]) -> None:
    red = by_light(tasks_for(user("county_head")), "red", lights())
    assert set(red.values_list("status", flat=True)) == {TaskStatus.OVERDUE}


def test_the_vice_head_sees_only_his_charged_departments(user: Callable[[str], User]) -> None:
    vice = user("vice_head")
    charged = list(Charge.objects.current().filter(leader=vice.person)
                   .values_list("organization__path", flat=True))
    inside = Q()
    for path in charged:
        inside |= Q(lead_unit__path__startswith=path)
    tasks = tasks_for(vice)
    assert tasks.exists() and not tasks.exclude(inside).exists()
    findings = findings_for(vice)
    assert findings.exists()
    assert set(findings.values_list("responsible_leader", flat=True)) == {vice.person_id}
    notices = notices_for(vice)
    assert notices.exists()
    assert set(notices.values_list("recipient", flat=True)) == {vice.person_id}
    assert tasks.count() < tasks_for(user("county_head")).count()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.__name__)
def test_every_kind_of_generated_record_opens_for_the_county_head(
    kind: type[Model], user: Callable[[str], User],
) -> None:
    rows = kind._default_manager.order_by("pk")  # type: ignore[attr-defined]
    first, last = rows.first(), rows.last()
    assert first is not None, f"no {kind.__name__} generated"
    client = _signed_in(user("county_head"))
    for record in (first, last):
        response = client.get(record_link(record), follow=True)  # a list opens on its own page
        assert response.status_code == 200, (kind.__name__, record.pk, record_link(record))


def test_the_vice_head_opens_his_own_task_and_notice(user: Callable[[str], User]) -> None:
    vice = user("vice_head")
    client = _signed_in(vice)
    for record in (tasks_for(vice).first(), notices_for(vice).first()):
        assert client.get(record_link(record)).status_code == 200
    elsewhere = Task.objects.exclude(leader=vice.person).first()
    assert client.get(record_link(elsewhere)).status_code == 404


@pytest.mark.parametrize("register", REGISTERS)
def test_the_registers_count_records_for_the_county_head(
    register: str, user: Callable[[str], User],
) -> None:
    text = _signed_in(user("county_head")).get(reverse(register)).content.decode()
    found = re.search(r"共 (\d+) 条", text)
    assert found and int(found.group(1)) > 0, register


def test_findings_follow_their_measures_and_repeats_match() -> None:
    order = [FindingStatus.OPEN, FindingStatus.RECTIFYING, FindingStatus.AWAITING_CHECK,
             FindingStatus.CLOSED]
    for finding in Finding.objects.prefetch_related("measures").select_related("repeat_of"):
        statuses = [m.status for m in finding.measures.all()]
        expected = min(statuses, key=order.index) if statuses else FindingStatus.OPEN
        assert finding.status == expected
        assert (finding.closed_on is not None) == (finding.status == FindingStatus.CLOSED)
        if finding.repeat_of:
            assert finding.repeat_of.organization_id == finding.organization_id
            assert finding.repeat_of.category_id == finding.category_id
            assert finding.repeat_of.discovered_on <= finding.discovered_on
    assert Finding.objects.filter(repeat_of__isnull=False).exists()


def test_a_closed_measure_has_evidence_and_an_acceptance() -> None:
    closed = Measure.objects.filter(status=MeasureStatus.CLOSED)
    assert closed.exists()
    assert not closed.filter(Q(evidence__isnull=True) | Q(verifications__isnull=True)).exists()
    assert not Measure.objects.filter(status=MeasureStatus.SUBMITTED,
                                      evidence__isnull=True).exists()


def test_a_closed_task_was_reported_with_evidence_and_accepted() -> None:
    done = Task.objects.filter(status=TaskStatus.DONE)
    assert done.exists()
    for task in done:
        assert task.completed_on is not None
        assert task.reports.filter(evidence__isnull=False).exists()
        assert task.reviews.filter(decision="accept").exists()


def test_a_notice_names_only_findings_of_its_recipients_area() -> None:
    for notice in Notice.objects.prefetch_related("findings"):
        assert notice.findings.exists()
        assert {f.responsible_leader_id for f in notice.findings.all()} == {notice.recipient_id}
        assert notice.issued_on is not None and notice.reply_due >= notice.issued_on
    numbers = list(Notice.objects.values_list("year", "sequence"))
    assert len(numbers) == len(set(numbers))


def test_a_development_record_agrees_with_the_persons_status() -> None:
    candidates = Candidate.objects.select_related("person").prefetch_related("steps")
    steps = {c.current_step for c in candidates}  # applicants, activists and candidates
    assert {1, 2} <= steps and steps & {5, 6} and steps & {7, 8}
    for candidate in candidates:
        assert candidate.person.party_status == member_rules.status_after(candidate.current_step)
        assert max(s.number for s in candidate.steps.all()) == candidate.current_step
        assert all(s.date < timezone.localdate() for s in candidate.steps.all())


def test_decided_accountability_uses_a_form_allowed_for_its_target() -> None:
    from dangjian.oversight.models.accountability import CADRE_FORMS, ORG_FORMS

    decided = Accountability.objects.exclude(status=Accountability.Status.PROPOSED)
    assert decided.exists() and Accountability.objects.filter(
        status=Accountability.Status.PROPOSED).exists()
    for case in decided:
        assert case.form in (CADRE_FORMS if case.person_id else ORG_FORMS)
        assert case.decided_on is not None and case.four_forms


def test_the_finance_party_group_held_last_years_life_meeting_and_a_branch_has_talk_gaps(
) -> None:
    meeting = LifeMeeting.objects.select_related("organization").get()
    assert meeting.organization.name == "县财政局党组"
    assert meeting.year == timezone.localdate().year - 1
    assert meeting.stage == LifeMeetingStage.REPORTED and meeting.talks.count() == 3
    findings = Finding.objects.filter(pk__in=meeting.items.values("finding_id"))
    assert findings.count() == 3
    assert set(findings.values_list("source__name", flat=True)) == {"民主生活会查摆"}
    branch = HeartTalk.objects.exclude(organization=meeting.organization).first()
    assert branch is not None
    report = coverage(organization=branch.organization, year=timezone.localdate().year)
    assert 0 < report.met_count < len(report.lines)


def test_issue13_demo_inspection_campaign_and_reply_actions(user: Callable[[str], User]) -> None:
    """One 督导检查 by the demo vice head with two findings, one 专项整治 with findings and a
    plan, and answered notices with their actions (issue 13)."""
    vice = user("vice_head")
    inspection = Inspection.objects.get()
    assert inspection.organizer_id == vice.person_id
    assert inspection.findings.count() == 2
    assert {f.source.name for f in inspection.findings.all()} == {"督导检查"}
    assert inspection.items.count() == 3
    campaign = Campaign.objects.get()
    assert campaign.findings.exists() and campaign.plan_links.count() == 1
    actions = NoticeAction.objects.filter(notice__recipient=vice.person)
    assert actions.exists()
    assert all(a.taken_on >= a.notice.issued_on for a in actions)  # type: ignore[operator]
    client = _signed_in(vice)
    assert client.get(f"/oversight/inspections/{inspection.pk}/").status_code == 200
    notice = actions.first().notice  # type: ignore[union-attr]
    assert "回复措施（一岗双责）" in client.get(f"/oversight/notices/{notice.pk}/").content.decode()
