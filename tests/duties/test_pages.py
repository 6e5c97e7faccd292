"""The duties pages: a leader opens their own list, records with evidence, the unit adjusts
its list, the county head reads every leader's progress."""

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.duties.models import Fulfilment, ResponsibilityList
from dangjian.orgs.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(user: Callable[[str], User]) -> Callable[[str], Client]:
    def make(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return make


def test_a_vice_head_opens_his_own_list_and_records_against_it(
    signed_in: Callable[[str], Client], today: date, pdf: Any,
) -> None:
    vice = signed_in("vice_head")
    html = vice.get("/duties/").content.decode()
    assert f"建立我在示范县人民政府党组（副县长）的{today.year}年责任清单" in html
    government = Organization.objects.get(name="示范县人民政府党组")
    opened = vice.post("/duties/lists/new/", {
        "organization": government.pk, "person": vice.session["_auth_user_id"] and
        User.objects.get(username="vice_head").person_id, "year": today.year}, follow=True)
    page = opened.content.decode()
    assert "一岗双责" in page and "下载年度报告（Word）" in page
    rlist = ResponsibilityList.objects.get(organization=government, year=today.year)
    item = rlist.items.get(template_key="mem.guide")
    recorded = vice.post(f"/duties/lists/{rlist.pk}/items/{item.pk}/fulfil/", {
        "done_on": str(today), "description": "听取县财政局党组党建工作汇报",
        "files": [pdf()]}, follow=True)
    assert "已记录履责情况" in recorded.content.decode()
    assert "听取县财政局党组党建工作汇报" in recorded.content.decode()
    assert Fulfilment.objects.get(item=item).evidence.count() == 1
    mine = vice.get("/duties/").content.decode()
    assert f'data-testid="my-list-{rlist.pk}"' in mine and "履责记实 1 条" in mine


def test_the_unit_adjusts_its_list_and_adds_its_own_items(
    signed_in: Callable[[str], Client], today: date,
) -> None:
    clerk = signed_in("finance_clerk")
    body = Organization.objects.get(name="县财政局党组")
    clerk.post("/duties/lists/new/", {"organization": body.pk, "year": today.year})
    rlist = ResponsibilityList.objects.get(organization=body, person=None)
    study = rlist.items.get(template_key="org.study")
    clerk.post(f"/duties/lists/{rlist.pk}/items/{study.pk}/", {
        "text": study.text, "times": "4", "active": "on"})
    added = clerk.post(f"/duties/lists/{rlist.pk}/items/new/", {
        "text": "每季度开展一次廉政谈话", "period": "每季度", "times": "1"}, follow=True)
    html = added.content.decode()
    assert "已添加本单位细化事项" in html and "每季度开展一次廉政谈话" in html
    study.refresh_from_db()
    assert study.times == 4


def test_the_county_head_reads_every_leaders_progress(
    signed_in: Callable[[str], Client], make_list: Callable[..., dict],
    user: Callable[[str], User], today: date,
) -> None:
    body = Organization.objects.get(name="县财政局党组")
    make_list(body, person=user("finance_secretary").person_id)
    html = signed_in("county_head").get("/duties/").content.decode()
    overview = html[html.index('data-testid="leaders-overview"'):]
    assert user("finance_secretary").person.name in overview[:2000]
    assert "建立责任清单" in html


def test_a_member_sees_no_body_lists(signed_in: Callable[[str], Client],
                                     make_list: Callable[..., dict]) -> None:
    rlist = make_list(Organization.objects.get(name="县财政局党组"))
    member = signed_in("member")
    assert f'data-testid="list-{rlist["id"]}"' not in member.get("/duties/").content.decode()
    assert member.get(f"/duties/lists/{rlist['id']}/").status_code == 404
