"""谈心谈话 as pairs: /api/v1/heart-talks/, its rules, the summary's privacy and the yearly
coverage of a branch (条例: 支部委员之间、支部委员和党员之间、党员和党员之间每年不少于1次)."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from rest_framework.test import APIClient

from dangjian.orglife.models import HeartTalk
from dangjian.orglife.services.talks import coverage, talk_create

from .talk_cast import TalkCast

pytestmark = pytest.mark.django_db
URL = "/api/v1/heart-talks/"


def _body(cast: TalkCast, talker: Any, talkee: Any, kind: str, held_on: date,
          **extra: Any) -> dict[str, Any]:
    return {"organization": extra.pop("organization", cast.branch.pk), "talker": talker.pk,
            "talkee": talkee.pk, "kind": kind, "held_on": str(held_on), **extra}


def test_a_clerk_records_a_talk_and_only_the_two_and_the_secretary_read_its_summary(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date,
) -> None:
    clerk = api_as("finance_clerk")
    created = clerk.post(URL, _body(cast, cast.committee[0], cast.member, "委员与党员",
                                    today - timedelta(days=3), summary="谈工作和思想状况"),
                         format="json")
    assert created.status_code == 201, created.content
    talk = created.json()
    # The clerk entered it, yet is neither of the two nor the secretary: the talk, not its text.
    assert talk["summary"] == "" and talk["summary_visible"] is False
    assert talk["year"] == today.year
    mine = api_as("member").get(f"{URL}{talk['id']}/").json()
    assert mine["summary"] == "谈工作和思想状况" and mine["summary_visible"] is True
    # The 党组 secretary is not this branch's secretary.
    other = api_as("finance_secretary").get(f"{URL}{talk['id']}/").json()
    assert other["summary"] == "" and other["summary_visible"] is False
    assert "谈工作" not in str(clerk.get(URL, {"organization": cast.branch.pk}).json())


def test_the_secretary_reads_every_summary_of_the_group(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date, user: Callable[[str], Any],
) -> None:
    one, two = cast.group_members
    talk = talk_create(actor=user("finance_clerk"), organization=cast.group, talker=one,
                       talkee=two, kind="民主生活会前", held_on=today, summary="相互提醒")
    seen = api_as("finance_secretary").get(f"{URL}{talk.pk}/").json()
    assert seen["summary"] == "相互提醒"


@pytest.mark.parametrize(("who", "kind", "field"), [
    ("committee", "党员之间", "kind"),  # a 委员 is no plain member
    ("others", "委员之间", "kind"),
    ("others", "民主生活会前", "kind"),  # a branch holds no 民主生活会
])
def test_the_kind_must_fit_the_pair(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date, who: str, kind: str,
    field: str,
) -> None:
    pair = getattr(cast, who)
    answer = api_as("finance_clerk").post(URL, _body(cast, pair[0], pair[1], kind, today),
                                          format="json")
    assert answer.status_code == 400
    assert field in answer.json()["errors"]


def test_refused_talks(api_as: Callable[[str], APIClient], cast: TalkCast, today: date,
                       org: Callable[[str], Any]) -> None:
    clerk = api_as("finance_clerk")
    future = clerk.post(URL, _body(cast, cast.secretary, cast.member, "委员与党员",
                                   today + timedelta(days=1)), format="json")
    assert future.status_code == 400 and "不能晚于今天" in str(future.json())
    alone = clerk.post(URL, _body(cast, cast.member, cast.member, "党员之间", today),
                       format="json")
    assert alone.status_code == 400 and "同一人" in str(alone.json())
    outsider = cast.group_secretary  # in the 党组, not a member of this branch
    stranger = clerk.post(URL, _body(cast, outsider, cast.member, "党员之间", today),
                          format="json")
    assert stranger.status_code == 400 and "不是" in str(stranger.json())
    assert not HeartTalk.objects.exists()


def test_the_same_talk_twice_is_refused_either_way_round(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date,
) -> None:
    clerk = api_as("finance_clerk")
    body = _body(cast, cast.committee[0], cast.member, "委员与党员", today)
    assert clerk.post(URL, body, format="json").status_code == 201
    again = clerk.post(URL, body, format="json")
    assert again.status_code == 400 and "重复" in str(again.json())
    swapped = clerk.post(URL, _body(cast, cast.member, cast.committee[0], "委员与党员", today),
                         format="json")
    assert swapped.status_code == 400
    assert HeartTalk.objects.count() == 1


# The vice head sees the unit but enters nothing (403); the member's scope holds only
# himself and the education clerk's not the branch: their ids are out of scope (400).
@pytest.mark.parametrize(("username", "status"), [("member", 400), ("vice_head", 403),
                                                  ("edu_clerk", 400)])
def test_roles_below_and_outside_may_not_record(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date, username: str,
    status: int,
) -> None:
    answer = api_as(username).post(URL, _body(cast, cast.committee[0], cast.member,
                                              "委员与党员", today), format="json")
    assert answer.status_code == status, answer.content
    assert not HeartTalk.objects.exists()


def test_out_of_scope_talks_are_absent(api_as: Callable[[str], APIClient], cast: TalkCast,
                                       today: date, user: Callable[[str], Any]) -> None:
    talk = talk_create(actor=user("finance_clerk"), organization=cast.branch,
                       talker=cast.secretary, talkee=cast.committee[0], kind="委员之间",
                       held_on=today)
    assert api_as("edu_clerk").get(f"{URL}{talk.pk}/").status_code == 404
    assert api_as("edu_clerk").patch(f"{URL}{talk.pk}/", {"kind": "委员与党员"},
                                     format="json").status_code == 404
    # A plain member sees the talks that name them, not the branch's others.
    assert api_as("member").get(f"{URL}{talk.pk}/").status_code == 404


def test_the_summary_is_written_only_by_those_who_may_read_it(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date, user: Callable[[str], Any],
) -> None:
    talk = talk_create(actor=user("finance_clerk"), organization=cast.group,
                       talker=cast.group_secretary, talkee=cast.group_members[0],
                       kind="书记与班子成员", held_on=today - timedelta(days=1))
    refused = api_as("finance_clerk").patch(f"{URL}{talk.pk}/", {"summary": "改写"},
                                            format="json")
    assert refused.status_code == 403
    done = api_as("finance_secretary").patch(f"{URL}{talk.pk}/", {"summary": "谈分管工作"},
                                             format="json")
    assert done.status_code == 200, done.content
    assert done.json()["summary"] == "谈分管工作"
    twice = api_as("finance_secretary").patch(f"{URL}{talk.pk}/", {"summary": "谈分管工作"},
                                              format="json")
    assert twice.status_code == 400 and "相同" in str(twice.json())


def test_coverage_names_the_missing_pairs_and_cites_the_rule(
    api_as: Callable[[str], APIClient], cast: TalkCast, today: date, user: Callable[[str], Any],
) -> None:
    clerk = user("finance_clerk")
    day = today - timedelta(days=10)
    talk_create(actor=clerk, organization=cast.branch, talker=cast.secretary,
                talkee=cast.committee[0], kind="委员之间", held_on=day)
    talk_create(actor=clerk, organization=cast.branch, talker=cast.committee[1],
                talkee=cast.member, kind="委员与党员", held_on=day)
    report = coverage(organization=cast.branch, year=today.year)
    committee_lines = [line for line in report.lines if line.kind == "委员之间"]
    assert len(committee_lines) == 3  # secretary and two 委员: three pairs
    assert sum(line.met for line in committee_lines) == 1
    member_line = next(line for line in report.lines
                       if line.kind == "委员与党员" and line.persons == (cast.member.pk,))
    assert member_line.met
    assert all(not line.met for line in report.lines if line.kind == "党员之间")
    answer = api_as("finance_clerk").get(f"{URL}coverage/", {"organization": cast.branch.pk,
                                                             "year": today.year})
    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert "支部委员之间" in body["rule"] and "支部工作条例" in body["citation"]
    assert body["met_count"] == report.met_count
    assert len(body["missing"]) == len(report.lines) - report.met_count > 0
    assert api_as("edu_clerk").get(f"{URL}coverage/", {"organization": cast.branch.pk,
                                                       "year": today.year}).status_code == 404
    group = api_as("finance_clerk").get(f"{URL}coverage/", {"organization": cast.group.pk,
                                                            "year": today.year})
    assert group.status_code == 400
