"""The editing pages refuse what the API refuses, in the same words: a returned draft edited
by its drafter, a published one never; catalogue lines edited and deactivated by the clerk."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from dangjian.access.models import User
from dangjian.openness.models import CatalogueItem, Disclosure

pytestmark = pytest.mark.django_db


def test_the_drafter_edits_a_returned_draft_on_its_page(
    browse: Callable[[str], Client], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    clerk, secretary = browse("finance_clerk"), browse("finance_secretary")
    clerk.post(f"/openness/disclosures/{made['id']}/submit/")
    secretary.post(f"/openness/disclosures/{made['id']}/review/",
                   {"decision": "return", "comment": "补充金额来源"})
    detail = clerk.get(f"/openness/disclosures/{made['id']}/").content.decode()
    assert f"/openness/disclosures/{made['id']}/edit/" in detail
    url = f"/openness/disclosures/{made['id']}/edit/"
    form = clerk.get(url)
    assert form.status_code == 200 and made["title"] in form.content.decode()
    sent = clerk.post(url, {"title": made["title"], "body": "补充：党费来源为党员按月交纳",
                            "domain": "党务", "audience": "向社会", "channel": "网站",
                            "matter_on": made["matter_on"]})
    assert sent.status_code == 302
    assert Disclosure.objects.get(pk=made["id"]).body == "补充：党费来源为党员按月交纳"
    other = secretary.get(url)
    assert other.status_code == 403 and "只有拟稿人" in other.content.decode()
    assert browse("edu_clerk").get(url).status_code == 404


def test_a_published_disclosures_edit_page_says_why_not(
    browse: Callable[[str], Client], published: Callable[..., dict[str, Any]],
) -> None:
    done = published()
    clerk = browse("finance_clerk")
    page = clerk.get(f"/openness/disclosures/{done['id']}/edit/")
    assert page.status_code == 403
    assert "已公开（或已撤回）的公开事项不能修改" in page.content.decode()
    assert clerk.post(f"/openness/disclosures/{done['id']}/edit/", {
        "title": "改", "body": "改", "domain": "党务", "audience": "向社会", "channel": "网站",
        "matter_on": done["matter_on"]}).status_code == 302
    assert Disclosure.objects.get(pk=done["id"]).title == done["title"]


def test_the_clerk_edits_and_deactivates_a_catalogue_line_on_its_pages(
    browse: Callable[[str], Client], org: Callable[[str], Any], user: Callable[[str], User],
) -> None:
    item = CatalogueItem.objects.create(
        organization=org("县财政局"), year=timezone.localdate().year, domain="党务",
        content="组织生活会召开情况", audience="党内", cadence="每年", channel="公开栏",
        created_by=user("finance_clerk"))
    clerk = browse("finance_clerk")
    listed = clerk.get("/openness/catalogue/").content.decode()
    assert f"/openness/catalogue/{item.pk}/edit/" in listed
    sent = clerk.post(f"/openness/catalogue/{item.pk}/edit/", {
        "year": str(item.year), "domain": "党务", "content": "组织生活会和民主评议党员情况",
        "audience": "向社会", "cadence": "每年", "channel": "网站", "inside_first": "1"})
    assert sent.status_code == 302
    item.refresh_from_db()
    assert (item.content, item.inside_first) == ("组织生活会和民主评议党员情况", True)
    assert browse("vice_head").get(f"/openness/catalogue/{item.pk}/deactivate/"
                                   ).status_code in (403, 404)
    assert clerk.post(f"/openness/catalogue/{item.pk}/deactivate/").status_code == 302
    item.refresh_from_db()
    assert not item.active
    again = clerk.get(f"/openness/catalogue/{item.pk}/edit/")
    assert again.status_code == 403 and "已停用" in again.content.decode()
    assert browse("edu_clerk").get(f"/openness/catalogue/{item.pk}/edit/").status_code == 404


def test_the_approval_page_takes_the_reason_for_not_waiting(
    browse: Callable[[str], Client], draft: Callable[..., dict[str, Any]],
    org: Callable[[str], Any], user: Callable[[str], User],
) -> None:
    item = CatalogueItem.objects.create(
        organization=org("县财政局"), year=timezone.localdate().year, domain="党务",
        content="党费", audience="向社会", cadence="随时", channel="网站", inside_first=True,
        created_by=user("finance_clerk"))
    made = draft(item=item.pk)
    clerk, secretary = browse("finance_clerk"), browse("finance_secretary")
    clerk.post(f"/openness/disclosures/{made['id']}/submit/")
    secretary.post(f"/openness/disclosures/{made['id']}/review/", {"decision": "accept"})
    page = secretary.get(f"/openness/disclosures/{made['id']}/approve/").content.decode()
    assert "不先党内公开的理由" in page
    secretary.post(f"/openness/disclosures/{made['id']}/approve/", {"decision": "accept"})
    clerk.post(f"/openness/disclosures/{made['id']}/publish/", {})
    assert Disclosure.objects.get(pk=made["id"]).status == "已批准"
    assert "须先在党内公开" in clerk.get(
        f"/openness/disclosures/{made['id']}/publish/").content.decode()
