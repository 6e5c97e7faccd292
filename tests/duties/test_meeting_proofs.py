"""Done-when of issue 13 (meetings): the demo 县财政局党组's responsibility lists show 三会一课,
党课, 专题研究 and 听取汇报 proven from the meeting records (自动取证, each fact linked to its
meeting), not typed (手工登记)."""

import re
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dangjian.access.models import User
from dangjian.duties.models import ResponsibilityList
from dangjian.duties.selectors import PROOF_DERIVED, PROOF_TYPED, list_view
from dangjian.orglife.models import Meeting, MeetingKind
from dangjian.orglife.rules import THREE_MEETINGS_ONE_LECTURE
from dangjian.orgs.models import Organization

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_records")]


def _view(rlist: ResponsibilityList, viewer: User) -> dict[str, object]:
    return {v.item.template_key: v for v in list_view(rlist, viewer).items}


def _meeting_ids(facts: list) -> set[int]:
    ids = set()
    for fact in facts:
        found = re.fullmatch(r"/orglife/meetings/(\d+)/", fact.link)
        assert found, fact
        ids.add(int(found.group(1)))
    return ids


def test_the_finance_party_groups_list_is_proven_from_its_meetings(
    org: Callable[[str], Organization], user: Callable[[str], User],
) -> None:
    body = org("县财政局党组")
    year = timezone.localdate().year
    clerk = user("finance_clerk")
    items = _view(ResponsibilityList.objects.get(organization=body, year=year,
                                                 person__isnull=True), clerk)
    # 三会一课: exactly the 党员大会, 支委会, 党小组会 and 党课 of the group's own branches
    orglife = items["org.orglife"]
    held = Meeting.objects.filter(organization__path__startswith=body.path,
                                  kind__in=THREE_MEETINGS_ONE_LECTURE, held_on__year=year)
    assert held.exists()
    assert orglife.proof == PROOF_DERIVED and not orglife.fulfilments
    assert _meeting_ids(orglife.facts) == set(held.values_list("pk", flat=True))
    # 专题研究全面从严治党 and 意识形态: the group's 党组会议 with an item so tagged, done
    for key, tag in (("org.study", "discipline"), ("org.ideology", "ideology")):
        study = items[key]
        minutes = Meeting.objects.filter(organization=body, kind=MeetingKind.PARTY_GROUP,
                                         held_on__year=year, agenda__tags__key=tag)
        assert study.proof == PROOF_DERIVED and not study.fulfilments
        assert _meeting_ids(study.facts) == set(minutes.values_list("pk", flat=True))
        assert study.progress.state == "已完成", key
    assert items["org.report"].proof == PROOF_TYPED  # nothing in the platform proves it


def test_the_secretarys_list_counts_his_lectures_and_the_reports_he_heard(
    org: Callable[[str], Organization], user: Callable[[str], User],
) -> None:
    secretary = user("finance_secretary")
    rlist = ResponsibilityList.objects.get(organization=org("县财政局党组"),
                                           person=secretary.person, year=timezone.localdate().year)
    items = _view(rlist, secretary)
    lecture = items["sec.lecture"]
    given = Meeting.objects.filter(kind=MeetingKind.LECTURE, lecturer=secretary.person,
                                   held_on__year=rlist.year)
    assert lecture.proof == PROOF_DERIVED and lecture.progress.state == "已完成"
    assert _meeting_ids(lecture.facts) == set(given.values_list("pk", flat=True)) != set()
    ask = items["sec.ask"]
    assert ask.proof == PROOF_DERIVED and ask.progress.state == "已完成"
    assert all("党建工作汇报" in f.text for f in ask.facts)
    assert items["sec.coordinate"].proof == PROOF_TYPED


def test_the_list_page_and_api_say_derived_or_typed_and_link_the_meetings(
    org: Callable[[str], Organization], user: Callable[[str], User],
    api_as: Callable, client: Client,
) -> None:
    rlist = ResponsibilityList.objects.get(organization=org("县财政局党组"),
                                           year=timezone.localdate().year, person__isnull=True)
    study = rlist.items.get(template_key="org.study")
    report = rlist.items.get(template_key="org.report")
    client.force_login(user("finance_clerk"))
    page = client.get(reverse("duties:list", args=[rlist.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    proof = re.search(rf'data-testid="proof-{study.pk}"[^>]*>([^<]+)<', html)
    assert proof and proof.group(1) == "自动取证"
    typed = re.search(rf'data-testid="proof-{report.pk}"[^>]*>([^<]+)<', html)
    assert typed and typed.group(1) == "手工登记"
    meeting = Meeting.objects.filter(organization=rlist.organization,
                                     kind=MeetingKind.PARTY_GROUP).first()
    assert meeting is not None and f'href="/orglife/meetings/{meeting.pk}/"' in html
    body = api_as("finance_clerk").get(f"/api/v1/responsibility-lists/{rlist.pk}/").json()
    by_key = {i["item"]["template_key"]: i for i in body["items"]}
    assert by_key["org.study"]["proof"] == "自动取证"
    assert by_key["org.report"]["proof"] == "手工登记"
    assert by_key["org.study"]["facts"][0]["link"].startswith("/orglife/meetings/")
    # the meeting a fact links to opens for the viewer
    assert client.get(by_key["org.study"]["facts"][0]["link"]).status_code == 200
