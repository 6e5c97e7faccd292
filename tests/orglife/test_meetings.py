"""Recording a meeting, and every refusal: a clear Chinese message and nothing saved."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dangjian.audit.models import AuditEvent
from dangjian.orglife.models import Attendance, Meeting, MeetingRollup
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person

from .conftest import EDUCATION_BRANCH

pytestmark = pytest.mark.django_db


def _refused(record: Callable[..., Meeting], **changes: Any) -> str:
    before = (Meeting.objects.count(), Attendance.objects.count(),
              MeetingRollup.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ValidationError) as refused:
        record(**changes)
    after = (Meeting.objects.count(), Attendance.objects.count(),
             MeetingRollup.objects.count(), AuditEvent.objects.count())
    assert after == before, "a refused meeting must leave nothing behind"
    return "；".join(refused.value.messages)


def test_a_meeting_is_recorded_with_attendance_rollup_and_audit(
    record: Callable[..., Meeting], members: Callable[..., list[Person]], branch: Organization,
) -> None:
    people = members(branch)
    absent = people[-1]
    meeting = record(attendees=people[:-1], absentees=[(absent, "公出")], chair=people[0],
                     recorder=people[1], place="党员活动室")
    rows = {a.person_id: a for a in meeting.attendance.all()}
    assert len(rows) == len(people)
    assert rows[absent.pk].present is False and rows[absent.pk].absence_reason == "公出"
    assert all(a.voting == (a.person.party_status == PartyStatus.FULL_MEMBER)
               for a in meeting.attendance.select_related("person"))
    rollup = MeetingRollup.objects.get(organization=branch, kind="主题党日",
                                       year=meeting.held_on.year)
    assert rollup.held_in(meeting.held_on.month)
    event = AuditEvent.objects.filter(action="meeting.record").latest("id")
    assert event.object_id == str(meeting.pk) and event.after["absent"] == [absent.pk]


def test_a_meeting_dated_in_the_future_is_refused(record: Callable[..., Meeting],
                                                  today: date) -> None:
    message = _refused(record, held_on=today + timedelta(days=1))
    assert "会议日期不能晚于今天" in message


def test_an_attendee_outside_the_branch_is_refused(
    record: Callable[..., Meeting], members: Callable[..., list[Person]], branch: Organization,
    org: Callable[[str], Organization],
) -> None:
    stranger = members(org(EDUCATION_BRANCH))[0]
    message = _refused(record, attendees=[*members(branch), stranger])
    assert stranger.name in message and f"不是“{branch.name}”的成员" in message


def test_an_absentee_outside_the_branch_is_refused_too(
    record: Callable[..., Meeting], members: Callable[..., list[Person]],
    org: Callable[[str], Organization],
) -> None:
    stranger = members(org(EDUCATION_BRANCH))[0]
    assert "不能登记参会" in _refused(record, absentees=[(stranger, "病假")])


def test_a_branch_assembly_without_a_majority_of_voting_members_is_refused(
    record: Callable[..., Meeting], members: Callable[..., list[Person]], branch: Organization,
) -> None:
    people = members(branch)
    voting = [p for p in people if p.party_status == PartyStatus.FULL_MEMBER]
    half = voting[: len(voting) // 2]  # exactly half is not "more than half"
    probationers = [p for p in people if p.party_status == PartyStatus.PROBATIONARY]
    message = _refused(record, kind="支部党员大会", attendees=half + probationers,
                       absentees=[(p, "公出") for p in voting[len(half):]])
    assert f"应到有表决权的党员{len(voting)}名，实到{len(half)}名" in message
    assert "第十一条" in message


def test_probationary_members_do_not_make_a_quorum(
    record: Callable[..., Meeting], branch: Organization, members: Callable[..., list[Person]],
) -> None:
    voting = [p for p in members(branch) if p.party_status == PartyStatus.FULL_MEMBER]
    extra = [Person.objects.create(
        name=f"预备{n}", gender="男", birth_date=date(1995, 1, 1), organization=branch,
        party_status=PartyStatus.PROBATIONARY, id_number_encrypted="x",
        id_number_hash=f"probationer-{n}", id_number_masked="x") for n in range(len(voting) + 1)]
    message = _refused(record, kind="支部党员大会", attendees=[voting[0], *extra])
    assert "实到1名" in message


def test_a_branch_assembly_with_a_majority_is_recorded(
    record: Callable[..., Meeting], members: Callable[..., list[Person]], branch: Organization,
) -> None:
    voting = [p for p in members(branch) if p.party_status == PartyStatus.FULL_MEMBER]
    present = voting[: len(voting) // 2 + 1]
    meeting = record(kind="支部党员大会", attendees=present,
                     absentees=[(p, "病假") for p in voting[len(present):]])
    assert meeting.attendance.filter(present=True, voting=True).count() == len(present)


def test_a_meeting_kind_the_organisation_does_not_hold_is_refused(
    record: Callable[..., Meeting],
) -> None:
    assert "党小组会由党小组召开" in _refused(record, kind="党小组会")
    assert "没有“茶话会”这种会议类型" in _refused(record, kind="茶话会")


def test_the_chair_must_have_been_present(
    record: Callable[..., Meeting], members: Callable[..., list[Person]], branch: Organization,
) -> None:
    people = members(branch)
    message = _refused(record, attendees=people[1:], chair=people[0])
    assert f"主持人{people[0].name}应在到会人员中" in message


def test_a_person_cannot_be_both_present_and_absent(
    record: Callable[..., Meeting], members: Callable[..., list[Person]], branch: Organization,
) -> None:
    people = members(branch)
    assert "不能既到会又缺席" in _refused(record, absentees=[(people[0], "病假")])


def test_a_meeting_needs_a_topic_and_someone_present(record: Callable[..., Meeting]) -> None:
    assert "请填写会议议题" in _refused(record, topic="  ")
    assert "请勾选到会人员" in _refused(record, attendees=[])


def test_only_a_clerk_or_secretary_covering_the_branch_records_its_meetings(
    record: Callable[..., Meeting], user: Callable[[str], Any],
) -> None:
    for username in ["edu_clerk", "member", "county_head", "inspector"]:
        with pytest.raises(PermissionDenied):
            record(actor=user(username))
    assert record(actor=user("finance_secretary")).pk


@pytest.fixture
def committee(members: Callable[..., list[Person]], branch: Organization, today: date
              ) -> list[Person]:
    """Three of the branch's members elected to its committee (支部委员) over a year ago."""
    from dangjian.people.models import Post, PostTitle

    elected = members(branch)[:3]
    for person in elected:
        Post.objects.create(person=person, organization=branch, title=PostTitle.COMMITTEE_MEMBER,
                            start_on=today - timedelta(days=400))
    return elected


def test_a_committee_meeting_needs_more_than_half_of_the_committee(
    record: Callable[..., Meeting], committee: list[Person],
) -> None:
    message = _refused(record, kind="支部委员会会议", attendees=[committee[0]],
                       absentees=[(committee[1], "公出")])  # the third is absent unlisted
    assert "应到支部委员3名，实到1名" in message and "第十二条" in message
    assert record(kind="支部委员会会议", attendees=committee[:2]).pk


def test_a_committee_meeting_is_refused_where_no_committee_sits(
    record: Callable[..., Meeting], branch: Organization, today: date,
) -> None:
    from dangjian.orglife.services.compliance import compliance_report

    report = compliance_report(root=branch, year=today.year, as_of=today)
    assert "支部委员会会议" not in {row.kind for row in report.rows}  # the page's own verdict
    message = _refused(record, kind="支部委员会会议")
    assert "未设立支部委员会" in message and "不能登记支部委员会会议" in message


def test_a_committee_meetings_expected_are_the_committee_not_every_member(
    record: Callable[..., Meeting], committee: list[Person],
) -> None:
    message = _refused(record, kind="支部委员会会议")  # every branch member ticked
    assert "不是支部委员" in message
    meeting = record(kind="支部委员会会议", attendees=committee[:2])
    assert {a.person_id for a in meeting.attendance.all()} == {p.pk for p in committee}
    assert meeting.attendance.filter(present=False).get().person == committee[2]


def test_the_same_meeting_entered_twice_is_refused_and_counted_once(
    record: Callable[..., Meeting], branch: Organization, today: date,
) -> None:
    first = record(topic="重温入党誓词", held_on=today - timedelta(days=2))
    rollup = MeetingRollup.objects.get(organization=branch, kind=first.kind,
                                       year=first.held_on.year)
    message = _refused(record, topic=" 重温入党誓词 ", held_on=today - timedelta(days=2))
    assert "已经登记过" in message and "不能重复登记" in message
    assert MeetingRollup.objects.get(pk=rollup.pk).count == rollup.count
    assert record(topic="重温入党誓词", held_on=today - timedelta(days=3)).pk  # another day


def test_two_entries_of_one_meeting_at_the_same_moment_count_once(
    record: Callable[..., Meeting], branch: Organization, today: date,
) -> None:
    """The check before the insert can race; the unique constraint still refuses the second
    entry with the same message, and nothing of it is left."""
    from unittest import mock

    from django.db.models import QuerySet

    held_on = today - timedelta(days=4)
    record(topic="集中学习", held_on=held_on)
    with mock.patch.object(QuerySet, "exists", return_value=False):  # as if not yet committed
        message = _refused(record, topic="集中学习", held_on=held_on)
    assert "已经登记过" in message
    assert Meeting.objects.filter(organization=branch, topic="集中学习").count() == 1
