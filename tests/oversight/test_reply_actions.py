"""A structured reply to a 提示单: the actions the vice head took, counted for his 一岗双责."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.oversight.models import Notice, NoticeAction, NoticeStatus
from dangjian.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(api_as: Callable[[str], APIClient], user: Callable[[str], User],
           raise_finding: Callable[..., dict[str, Any]], today: date) -> dict[str, Any]:
    inspector = api_as("inspector")
    finding = raise_finding()
    drafted = inspector.post("/api/v1/notices/", {
        "recipient": user("vice_head").person_id, "findings": [finding["id"]],
        "reply_due": str(today + timedelta(days=10))}, format="json").json()
    inspector.post(f"/api/v1/notices/{drafted['id']}/issue/")
    api_as("vice_head").post(f"/api/v1/notices/{drafted['id']}/acknowledge/")
    return dict(drafted)


def _actions(user: Callable[[str], User], today: date) -> list[dict[str, Any]]:
    secretary = user("finance_secretary").person_id
    return [{"kind": "约谈提醒", "taken_on": str(today), "person": secretary,
             "note": "约谈县财政局党组书记"},
            {"kind": "批评教育", "taken_on": str(today), "person": user("finance_clerk").person_id}]


def test_the_reply_carries_its_actions(notice: dict[str, Any], api_as: Callable[[str], APIClient],
                                       user: Callable[[str], User], today: date) -> None:
    response = api_as("vice_head").post(f"/api/v1/notices/{notice['id']}/reply/", {
        "text": "已约谈县财政局主要负责人。", "actions": _actions(user, today)}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "已回复" and body["reply_text"] == "已约谈县财政局主要负责人。"
    assert [a["kind"] for a in body["actions"]] == ["约谈提醒", "批评教育"]
    assert body["actions"][0]["person"] == user("finance_secretary").person_id


def test_a_reply_without_actions_keeps_working(notice: dict[str, Any],
                                               api_as: Callable[[str], APIClient]) -> None:
    response = api_as("vice_head").post(f"/api/v1/notices/{notice['id']}/reply/",
                                        {"text": "已督促整改。"}, format="json")
    assert response.status_code == 200
    assert response.json()["actions"] == []


def test_twice_in_a_row_is_refused_and_adds_nothing(
        notice: dict[str, Any], api_as: Callable[[str], APIClient],
        user: Callable[[str], User], today: date) -> None:
    url = f"/api/v1/notices/{notice['id']}/reply/"
    body = {"text": "已约谈。", "actions": _actions(user, today)}
    assert api_as("vice_head").post(url, body, format="json").status_code == 200
    assert api_as("vice_head").post(url, body, format="json").status_code == 400
    assert NoticeAction.objects.count() == 2


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "谈心谈话"}, ""),
    ({"taken_on": "2099-01-01"}, ""),
    ({"taken_on": "__before__"}, "日期不能早于提示单签发日期"),
    ({"person": "__edu__"}, ""),
])
def test_a_bad_action_refuses_the_whole_reply(
        change: dict[str, Any], message: str, notice: dict[str, Any],
        api_as: Callable[[str], APIClient], user: Callable[[str], User], today: date) -> None:
    action = _actions(user, today)[0]
    action.update(change)
    if action["taken_on"] == "__before__":
        action["taken_on"] = str(today - timedelta(days=1))
    if action["person"] == "__edu__":
        action["person"] = user("edu_clerk").person_id
    response = api_as("vice_head").post(f"/api/v1/notices/{notice['id']}/reply/",
                                        {"text": "已约谈。", "actions": [action]}, format="json")
    assert response.status_code == 400, response.content
    assert message in response.content.decode()
    assert Notice.objects.get(pk=notice["id"]).status == NoticeStatus.ACKNOWLEDGED
    assert not NoticeAction.objects.exists()


def test_a_person_visible_but_outside_his_charge_is_refused(
        notice: dict[str, Any], api_as: Callable[[str], APIClient], user: Callable[[str], User],
        today: date) -> None:
    # a fellow member of the county government's party group is in no 分管 department
    colleague = Person.objects.get(pk=user("county_head").person_id)
    from dangjian.oversight.services.notices import notice_reply

    with pytest.raises(Exception, match="分管"):
        notice_reply(actor=user("vice_head"), notice=Notice.objects.get(pk=notice["id"]),
                     text="已约谈。", actions=[{"kind": "约谈提醒", "taken_on": today,
                                               "person": colleague}])
    assert not NoticeAction.objects.exists()


def test_the_actions_count_for_his_one_post_two_duties(
        notice: dict[str, Any], api_as: Callable[[str], APIClient], user: Callable[[str], User],
        org: Callable[[str], Any], today: date) -> None:
    from dangjian.duties.evidence.oversight import notices_answered
    from dangjian.duties.evidence.registry import Subject

    api_as("vice_head").post(f"/api/v1/notices/{notice['id']}/reply/", {
        "text": "已约谈。", "actions": _actions(user, today)}, format="json")
    vice = user("vice_head")
    subject = Subject(viewer=vice, person=vice.person, unit=org("县财政局"),
                      organization=org("县财政局"),
                      start=date(today.year, 1, 1), end=date(today.year, 12, 31), today=today)
    facts = [f.text for f in notices_answered(subject).facts]
    assert any(text.startswith("约谈提醒：") for text in facts), facts
    assert any(text.startswith("批评教育：") for text in facts), facts
