"""党组（党委）会议 with tagged 议题, and 党课 lecturers from outside the branch (issue 13):
the service's rules, the API's new fields (the old ones unchanged) and the lecturer picker."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.orglife.models import AgendaItem, Meeting
from dangjian.orglife.selectors import members_of
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .conftest import EDUCATION_BRANCH

pytestmark = pytest.mark.django_db

OLD_FIELDS = ["id", "organization", "organization_name", "kind", "held_on", "place", "chair",
              "recorder", "topic", "minutes", "decisions", "attendees", "absentees",
              "expected", "present", "attachments", "created_at"]
AGENDA = [{"title": "专题研究全面从严治党工作", "tags": ["discipline", "integrity"]},
          {"title": "听取机关党委党建工作汇报", "tags": ["party_report"]},
          {"title": "研究年度预算安排", "tags": ["major_decision"]}]


@pytest.fixture
def group(org: Callable[[str], Organization]) -> Organization:
    return org("县财政局党组")


def _group_body(group: Organization, held_on: date, **extra: Any) -> dict[str, Any]:
    people = list(members_of(group))
    return {"organization": group.pk, "kind": "党组会议", "held_on": str(held_on),
            "topic": "党组会议", "attendees": [p.pk for p in people], "agenda": AGENDA,
            **extra}


def _lecture(branch: Organization, members: Callable[..., list[Person]], held_on: date,
             **extra: Any) -> dict[str, Any]:
    return {"organization": branch.pk, "kind": "党课", "held_on": str(held_on),
            "topic": "专题党课", "attendees": [p.pk for p in members(branch)], **extra}


def test_a_party_group_meeting_is_recorded_with_its_tagged_agenda(
    api_as: Callable[[str], APIClient], group: Organization, today: date,
) -> None:
    client = api_as("finance_clerk")
    created = client.post("/api/v1/meetings/", _group_body(group, today), format="json")
    assert created.status_code == 201, created.content
    meeting = created.json()
    assert list(meeting)[:len(OLD_FIELDS)] == OLD_FIELDS  # the old contract, unchanged
    assert meeting["kind"] == "党组会议" and meeting["lecturer"] is None
    assert [(a["order"], a["title"], [t["key"] for t in a["tags"]]) for a in meeting["agenda"]] \
        == [(1, "专题研究全面从严治党工作", ["discipline", "integrity"]),
            (2, "听取机关党委党建工作汇报", ["party_report"]),
            (3, "研究年度预算安排", ["major_decision"])]
    assert meeting["agenda"][0]["tags"][0]["name"] == "全面从严治党"
    event = AuditEvent.objects.get(action="meeting.record", object_id=str(meeting["id"]))
    assert event.after["agenda"][1] == ["听取机关党委党建工作汇报", ["party_report"]]
    listed = client.get("/api/v1/meetings/", {"kind": "党组会议"}).json()["results"]
    assert meeting["id"] in [m["id"] for m in listed]


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"agenda": []}, "agenda", "请至少填写1个议题"),
    ({"agenda": [{"title": "  ", "tags": ["ideology"]}]}, "agenda", "该字段不能为空"),
    ({"agenda": [{"title": "研究", "tags": ["no-such-tag"]}]}, "agenda", ""),
    ({"agenda": [{"title": f"议题{n}", "tags": []} for n in range(21)]}, "agenda", "最多"),
])
def test_a_bad_agenda_is_refused_and_nothing_is_written(
    api_as: Callable[[str], APIClient], group: Organization, today: date,
    change: dict[str, Any], field: str, message: str,
) -> None:
    before = (Meeting.objects.count(), AgendaItem.objects.count())
    refused = api_as("finance_clerk").post("/api/v1/meetings/",
                                           _group_body(group, today, **change), format="json")
    assert refused.status_code == 400, refused.content
    assert field in str(refused.json()) and message in str(refused.json())
    assert (Meeting.objects.count(), AgendaItem.objects.count()) == before


def test_a_branch_holds_no_party_group_meeting_and_other_meetings_carry_no_agenda(
    api_as: Callable[[str], APIClient], branch: Organization,
    members: Callable[..., list[Person]], today: date,
) -> None:
    client = api_as("finance_clerk")
    body = _lecture(branch, members, today, kind="党组会议", agenda=AGENDA)
    refused = client.post("/api/v1/meetings/", body, format="json")
    assert refused.status_code == 400 and "党组会议由" in refused.json()["detail"]
    agenda_on_lecture = client.post("/api/v1/meetings/", _lecture(branch, members, today,
                                                                 agenda=AGENDA), format="json")
    assert agenda_on_lecture.status_code == 400
    assert "只有党组（党委）会议登记议题清单" in agenda_on_lecture.json()["detail"]


def test_the_member_and_the_secretary_may_not_record_one(
    api_as: Callable[[str], APIClient], group: Organization, today: date,
) -> None:
    for username in ("member", "vice_head"):  # below the clerk, or a leader who enters nothing
        answer = api_as(username).post("/api/v1/meetings/", _group_body(group, today),
                                       format="json")
        assert answer.status_code in (400, 403), (username, answer.content)
    assert not Meeting.objects.filter(kind="党组会议", organization=group).exists()


def test_the_vice_head_in_charge_lectures_in_a_branch_outside_the_clerks_scope(
    api_as: Callable[[str], APIClient], branch: Organization, user: Callable[[str], User],
    members: Callable[..., list[Person]], today: date,
) -> None:
    vice = user("vice_head").person
    client = api_as("finance_clerk")
    assert client.get(f"/api/v1/persons/{vice.pk}/").status_code == 404  # not in his scope
    created = client.post("/api/v1/meetings/", _lecture(
        branch, members, today, lecturer=vice.pk, lecturer_reach="分管领域"), format="json")
    assert created.status_code == 201, created.content
    assert (created.json()["lecturer"], created.json()["lecturer_name"],
            created.json()["lecturer_reach"]) == (vice.pk, vice.name, "分管领域")
    assert Meeting.objects.get(pk=created.json()["id"]).lecturer == vice


def test_a_lecturer_must_reach_the_branch_and_only_a_lecture_has_one(
    api_as: Callable[[str], APIClient], branch: Organization, user: Callable[[str], User],
    members: Callable[..., list[Person]], today: date, org: Callable[[str], Organization],
) -> None:
    client = api_as("finance_clerk")
    before = Meeting.objects.count()
    stranger = members(org(EDUCATION_BRANCH))[0]
    outside = client.post("/api/v1/meetings/", _lecture(branch, members, today,
                                                        lecturer=stranger.pk), format="json")
    assert outside.status_code == 400  # neither in scope nor a leader above: an unknown id
    head = user("county_head").person  # sits on the county party group: above the branch
    not_in_charge = client.post("/api/v1/meetings/", _lecture(
        branch, members, today, lecturer=head.pk, lecturer_reach="分管领域"), format="json")
    assert not_in_charge.status_code == 400
    assert "不是分管本单位的领导" in not_in_charge.json()["detail"]
    theme_day = client.post("/api/v1/meetings/", _lecture(
        branch, members, today - timedelta(days=1), kind="主题党日", lecturer=head.pk),
        format="json")
    assert theme_day.status_code == 400 and "只有党课登记授课人" in theme_day.json()["detail"]
    assert Meeting.objects.count() == before
    # The vice head sits on the county party group, above every department: 县教育局 may
    # name him, but not as the leader in charge (he is not 分管 县教育局).
    edu_clerk = api_as("edu_clerk")
    vice = user("vice_head").person
    edu = org(EDUCATION_BRANCH)
    refused = edu_clerk.post("/api/v1/meetings/", _lecture(
        edu, members, today, lecturer=vice.pk, lecturer_reach="分管领域"), format="json")
    assert refused.status_code == 400 and "不是分管本单位的领导" in refused.json()["detail"]
    linked = edu_clerk.post("/api/v1/meetings/", _lecture(
        edu, members, today, lecturer=vice.pk, lecturer_reach="包联地区"), format="json")
    assert linked.status_code == 201, linked.content


def test_the_picker_offers_the_leaders_above_a_branch_only_when_asked(
    api_as: Callable[[str], APIClient], branch: Organization, user: Callable[[str], User],
    org: Callable[[str], Organization],
) -> None:
    vice = user("vice_head").person
    client = api_as("finance_clerk")
    plain = client.get("/api/v1/pickers/persons/", {"q": vice.name}).json()
    assert vice.pk not in [row["id"] for row in plain]
    reaching = client.get("/api/v1/pickers/persons/", {"q": vice.name, "reaching": branch.pk})
    assert reaching.status_code == 200 and vice.pk in [row["id"] for row in reaching.json()]
    elsewhere = client.get("/api/v1/pickers/persons/",
                           {"q": vice.name, "reaching": org(EDUCATION_BRANCH).pk})
    assert elsewhere.status_code == 400  # a branch outside the clerk's scope
