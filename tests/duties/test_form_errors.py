"""The duties page forms name every wrong field at once and keep what was typed."""

from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.duties.models import ResponsibilityList
from dangjian.orgs.models import Organization
from tests.refused_forms import assert_every_field_named

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(user: Callable[[str], User]) -> Client:
    client = Client()
    client.force_login(user("finance_clerk"))
    return client


def test_a_refused_list_names_the_body_and_the_year(clerk: Client) -> None:
    count = ResponsibilityList.objects.count()
    response = clerk.post("/duties/lists/new/", {
        "organization": "", "person": "", "year": "今年"}, follow=True)
    html = assert_every_field_named(response, "list",
                                    {"organization": "党组织", "year": "年度"})
    assert 'value="今年"' in html
    assert ResponsibilityList.objects.count() == count


def test_a_refused_item_names_the_text_and_the_times(clerk: Client, today: date) -> None:
    body = Organization.objects.get(name="县财政局党组")
    clerk.post("/duties/lists/new/", {"organization": body.pk, "year": today.year})
    rlist = ResponsibilityList.objects.get(organization=body, person=None, year=today.year)
    clerk.get(f"/duties/lists/{rlist.pk}/")  # shows, and so forgets, the success banner
    before = rlist.items.count()
    response = clerk.post(f"/duties/lists/{rlist.pk}/items/new/", {
        "text": " ", "period": "每季度", "times": "两次", "evidence_hint": "谈话记录"},
        follow=True)
    html = assert_every_field_named(response, f"item-new-{rlist.pk}",
                                    {"text": "责任内容", "times": "每期次数"})
    assert 'value="两次"' in html and 'value="谈话记录"' in html
    assert '<option value="每季度" selected>' in html and "<details open>" in html
    assert rlist.items.count() == before
