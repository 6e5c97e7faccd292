"""民主生活会 of 县财政局党组 through /api/v1/life-meetings/: each stage once and in order, the
整改清单 as findings of the oversight ledger (来源“民主生活会查摆”) with their measures, the
report as a GB/T 9704 Word file, and the refusals."""

import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from rest_framework.test import APIClient

from dangjian.orglife.models import HeartTalk, LifeMeeting, LifeMeetingStage, Meeting
from dangjian.orglife.services import lifemeetings as lm
from dangjian.orglife.services.talks import talk_create
from dangjian.oversight.models import Finding
from tests.concurrency import database_file, in_thread, meeting_before, run_together

from .talk_cast import TalkCast

pytestmark = pytest.mark.django_db
URL = "/api/v1/life-meetings/"


def _plan(client: APIClient, cast: TalkCast, today: date) -> dict[str, Any]:
    answer = client.post(URL, {"organization": cast.group.pk, "year": today.year,
                               "topic": "深刻领悟“两个确立”，坚决做到“两个维护”",
                               "planned_on": str(today), "plan": "会前学习、征求意见、谈心谈话"},
                         format="json")
    assert answer.status_code == 201, answer.content
    return dict(answer.json())


def _talk(cast: TalkCast, actor: Any, day: date) -> HeartTalk:
    return talk_create(actor=actor, organization=cast.group, talker=cast.group_secretary,
                       talkee=cast.group_members[0], kind="民主生活会前", held_on=day,
                       summary="互相提醒")


def _item(cast: TalkCast, today: date, **extra: Any) -> dict[str, Any]:
    return {"problem": "调查研究不够深入", "category": "作风建设", "severity": "一般",
            "measure": "每季度到基层调研不少于1次", "owner": cast.group_members[0].pk,
            "due_on": str(today + timedelta(days=90)), "criterion": "形成调研报告", **extra}


def _through_materials(client: APIClient, cast: TalkCast, today: date, actor: Any
                       ) -> dict[str, Any]:
    meeting = _plan(client, cast, today)
    base = f"{URL}{meeting['id']}/"
    day = str(today - timedelta(days=5))
    for step, body in (
        ("opinions", {"opinions_on": day, "count": 12, "opinions": "意见建议12条"}),
        ("talks", {"talks": [_talk(cast, actor, today - timedelta(days=4)).pk]}),
        ("materials", {"materials_on": str(today - timedelta(days=2)),
                       "materials": "班子对照检查材料"}),
    ):
        answer = client.post(f"{base}{step}/", body, format="json")
        assert answer.status_code == 200, (step, answer.content)
    return dict(client.get(base).json())


def _hold(client: APIClient, cast: TalkCast, meeting: dict[str, Any], today: date) -> Any:
    people = [cast.group_secretary, *cast.group_members]
    return client.post(f"{URL}{meeting['id']}/hold/", {
        "held_on": str(today - timedelta(days=1)), "attendees": [p.pk for p in people],
        "place": "党组会议室", "minutes": "逐一对照检查"}, format="json")


def test_the_whole_way_from_plan_to_report(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date, user: Callable[[str], Any],
) -> None:
    client = api_as("finance_clerk")
    meeting = _through_materials(client, cast, today, user("finance_clerk"))
    assert meeting["stage"] == LifeMeetingStage.MATERIALS and meeting["next_step"] == "hold"
    held = _hold(client, cast, meeting, today)
    assert held.status_code == 200, held.content
    recorded = Meeting.objects.get(pk=held.json()["meeting"])
    assert recorded.kind == "民主生活会" and recorded.organization == cast.group
    items = [_item(cast, today), _item(cast, today, problem="批评和自我批评辣味不足",
                                       category="政治建设", severity="较重")]
    rectified = client.post(f"{URL}{meeting['id']}/rectify/", {"items": items}, format="json")
    assert rectified.status_code == 200, rectified.content
    ids = [item["finding_id"] for item in rectified.json()["items"]]
    findings = Finding.objects.filter(pk__in=ids).select_related("source", "organization")
    assert len(findings) == 2
    assert {f.source.name for f in findings} == {"民主生活会查摆"}
    assert {f.organization.name for f in findings} == {"县财政局"}  # the unit's ledger
    assert all(f.measures.count() == 1 for f in findings)
    report = client.post(f"{URL}{meeting['id']}/report/", {
        "reported_on": str(today), "reported_to": "中共示范县委组织部",
        "number": f"财党组〔{today.year}〕5号"}, format="json")
    assert report.status_code == 200, report.content
    assert report.json()["stage"] == LifeMeetingStage.REPORTED
    assert report.json()["next_step"] is None
    docx = client.get(f"{URL}{meeting['id']}/report.docx/")
    assert docx.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "调查研究不够深入" in text and f"财党组〔{today.year}〕5号" in text


def test_a_stage_twice_or_out_of_order_is_refused(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date,
) -> None:
    client = api_as("finance_clerk")
    meeting = _plan(client, cast, today)
    base = f"{URL}{meeting['id']}/"
    early = client.post(f"{base}materials/", {"materials_on": str(today), "materials": "x"},
                        format="json")
    assert early.status_code == 400 and "已制定方案" in str(early.json())
    body = {"opinions_on": str(today), "count": 3, "opinions": "意见3条"}
    assert client.post(f"{base}opinions/", body, format="json").status_code == 200
    again = client.post(f"{base}opinions/", body, format="json")
    assert again.status_code == 400 and "已征求意见" in str(again.json())
    twice = client.post(URL, {"organization": cast.group.pk, "year": today.year, "topic": "x",
                              "planned_on": str(today), "plan": "y"}, format="json")
    assert twice.status_code == 400 and "不能重复" in str(twice.json())
    assert client.get(base).json()["version"] == 2


def test_a_stale_version_is_a_conflict(api_as: Callable[[str], APIClient], cast: TalkCast,
                                       today: date) -> None:
    client = api_as("finance_clerk")
    meeting = _plan(client, cast, today)
    stale = client.post(f"{URL}{meeting['id']}/opinions/", {
        "opinions_on": str(today), "count": 1, "opinions": "1条", "version": 7}, format="json")
    assert stale.status_code == 409


def test_only_a_leading_group_holds_one(api_as: Callable[[str], APIClient], cast: TalkCast,
                                        today: date) -> None:
    answer = api_as("finance_clerk").post(URL, {
        "organization": cast.branch.pk, "year": today.year, "topic": "x",
        "planned_on": str(today), "plan": "y"}, format="json")
    assert answer.status_code == 400 and "党组" in str(answer.json())


@pytest.mark.parametrize(("username", "status"), [("vice_head", 403), ("edu_clerk", 404),
                                                  ("member", 404)])
def test_roles_below_and_outside(api_as: Callable[[str], APIClient], cast: TalkCast,
                                 today: date, username: str, status: int) -> None:
    meeting = _plan(api_as("finance_clerk"), cast, today)
    answer = api_as(username).post(f"{URL}{meeting['id']}/opinions/", {
        "opinions_on": str(today), "count": 1, "opinions": "1条"}, format="json")
    assert answer.status_code == status
    assert LifeMeeting.objects.get().stage == LifeMeetingStage.PLANNED


def test_talks_must_be_the_groups_own_before_the_meeting(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date, user: Callable[[str], Any],
) -> None:
    client = api_as("finance_clerk")
    meeting = _plan(client, cast, today)
    base = f"{URL}{meeting['id']}/"
    client.post(f"{base}opinions/", {"opinions_on": str(today), "count": 1, "opinions": "1条"},
                format="json")
    branch_talk = talk_create(actor=user("finance_clerk"), organization=cast.branch,
                              talker=cast.secretary, talkee=cast.committee[0],
                              kind="委员之间", held_on=today)
    wrong = client.post(f"{base}talks/", {"talks": [branch_talk.pk]}, format="json")
    assert wrong.status_code == 400 and "民主生活会前" in str(wrong.json())
    assert LifeMeeting.objects.get().stage == LifeMeetingStage.OPINIONS
    assert HeartTalk.objects.get(pk=branch_talk.pk).life_meeting is None


def test_a_bad_item_leaves_no_list_and_no_finding(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date, user: Callable[[str], Any],
) -> None:
    client = api_as("finance_clerk")
    meeting = _through_materials(client, cast, today, user("finance_clerk"))
    assert _hold(client, cast, meeting, today).status_code == 200
    before = Finding.objects.count()
    bad = client.post(f"{URL}{meeting['id']}/rectify/", {"items": [
        _item(cast, today), _item(cast, today, category="没有这个类别")]}, format="json")
    assert bad.status_code == 400 and "没有这个类别" in str(bad.json())
    assert Finding.objects.count() == before
    assert LifeMeeting.objects.get().stage == LifeMeetingStage.HELD
    assert not LifeMeeting.objects.get().items.exists()


def test_the_report_file_waits_for_the_report(api_as: Callable[[str], APIClient],
                                             cast: TalkCast, today: date) -> None:
    meeting = _plan(api_as("finance_clerk"), cast, today)
    assert api_as("finance_clerk").get(f"{URL}{meeting['id']}/report.docx/").status_code == 400


@pytest.mark.django_db(transaction=True)
def test_two_clerks_at_once_take_a_stage_once(
    committed_demo: None, org: Callable[[str], Any], user: Callable[[str], Any], today: date,
    tmp_path: Path,
) -> None:
    """The clerk and the secretary post 征求意见 at the same moment, each held just before
    saving: one moves the meeting on, the other is refused with its stage (no 500)."""
    from .conftest import FINANCE_BRANCH
    from .talk_cast import FINANCE_GROUP, build_cast

    cast = build_cast(org(FINANCE_BRANCH), org(FINANCE_GROUP), user("finance_secretary").person,
                      user("member").person, today)
    meeting = lm.life_meeting_create(actor=user("finance_clerk"), organization=cast.group,
                                     year=today.year, topic="t", planned_on=today, plan="p")
    database = database_file(tmp_path)

    def take(username: str) -> Callable[[], Any]:
        def call() -> Any:
            client = APIClient()
            client.force_authenticate(user(username))
            client.raise_request_exception = False
            return client.post(f"{URL}{meeting.pk}/opinions/", {
                "opinions_on": str(today), "count": 1, "opinions": username}, format="json")
        return call

    with meeting_before(LifeMeeting, "save", parties=2):
        answers = run_together([take("finance_clerk"), take("finance_secretary")],
                               database=database)
    statuses = sorted(getattr(a, "status_code", 500) for a in answers)
    assert statuses == [200, 400], answers
    version = in_thread(lambda: LifeMeeting.objects.get(pk=meeting.pk).version,
                        database=database)
    assert version == 2
