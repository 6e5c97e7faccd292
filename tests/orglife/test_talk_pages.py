"""The 谈心谈话 and 民主生活会 pages: lists for every role, the summary hidden on the detail page,
out-of-scope ids 404, the role below refused, a step page for a step already taken refused,
and a stage posted twice taken once."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client

from dangjian.orglife.models import LifeMeeting, LifeMeetingStage
from dangjian.orglife.services import lifemeetings as lm
from dangjian.orglife.services.talks import talk_create
from tests.web.walk import ROLES

from .talk_cast import TalkCast

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_user(user: Callable[[str], Any]) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client
    return client_for


def _meeting(cast: TalkCast, user: Callable[[str], Any], today: Any) -> LifeMeeting:
    return lm.life_meeting_create(actor=user("finance_clerk"), organization=cast.group,
                                  year=today.year, topic="年度民主生活会", planned_on=today,
                                  plan="方案")


def test_the_lists_and_the_coverage_answer_for_every_role(
    as_user: Callable[[str], Client], cast: TalkCast, user: Callable[[str], Any], today: Any,
) -> None:
    _meeting(cast, user, today)
    for username in ROLES:
        client = as_user(username)
        for url in ("/orglife/talks/", "/orglife/life-meetings/", "/orglife/talks/coverage/"):
            assert client.get(url).status_code == 200, (username, url)


def test_the_detail_page_hides_the_summary_from_the_clerk(
    as_user: Callable[[str], Client], cast: TalkCast, user: Callable[[str], Any], today: Any,
) -> None:
    talk = talk_create(actor=user("finance_clerk"), organization=cast.branch,
                       talker=cast.committee[0], talkee=cast.member, kind="委员与党员",
                       held_on=today, summary="家庭困难情况")
    clerk = as_user("finance_clerk").get(f"/orglife/talks/{talk.pk}/").content.decode()
    assert "家庭困难情况" not in clerk and "仅谈话双方和本组织书记可见" in clerk
    mine = as_user("member").get(f"/orglife/talks/{talk.pk}/").content.decode()
    assert "家庭困难情况" in mine
    edit = as_user("finance_clerk").get(f"/orglife/talks/{talk.pk}/edit/").content.decode()
    assert "家庭困难情况" not in edit and 'name="summary"' not in edit
    assert as_user("edu_clerk").get(f"/orglife/talks/{talk.pk}/").status_code == 404
    assert as_user("edu_clerk").get(f"/orglife/talks/{talk.pk}/edit/").status_code == 404


def test_step_pages_refuse_outside_below_and_out_of_turn(
    as_user: Callable[[str], Client], cast: TalkCast, user: Callable[[str], Any], today: Any,
) -> None:
    meeting = _meeting(cast, user, today)
    url = f"/orglife/life-meetings/{meeting.pk}/opinions/"
    assert as_user("finance_clerk").get(url).status_code == 200
    assert as_user("edu_clerk").get(url).status_code == 404
    assert as_user("vice_head").get(url).status_code == 403
    assert as_user("edu_clerk").post(url, {"opinions_on": str(today), "count": "1",
                                           "opinions": "x"}).status_code == 404
    early = as_user("finance_clerk").get(f"/orglife/life-meetings/{meeting.pk}/rectify/")
    assert early.status_code == 403 and "已制定方案" in early.content.decode()
    assert as_user("finance_clerk").get(
        f"/orglife/life-meetings/{meeting.pk}/nonsense/").status_code == 404


def test_a_stage_posted_twice_is_taken_once(
    as_user: Callable[[str], Client], cast: TalkCast, user: Callable[[str], Any], today: Any,
) -> None:
    meeting = _meeting(cast, user, today)
    url = f"/orglife/life-meetings/{meeting.pk}/opinions/"
    body = {"opinions_on": str(today - timedelta(days=1)), "count": "5", "opinions": "意见5条"}
    clerk = as_user("finance_clerk")
    assert clerk.post(url, body).status_code == 302
    again = clerk.post(url, body, follow=True)
    assert "已征求意见" in again.content.decode()  # the refusal names the stage it is in
    meeting.refresh_from_db()
    assert meeting.stage == LifeMeetingStage.OPINIONS and meeting.version == 2
