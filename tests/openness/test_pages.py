"""The openness pages refuse what the API refuses, in the same words."""

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.openness.models import Disclosure, DisclosureRequest

pytestmark = pytest.mark.django_db


def test_a_clerk_drafts_on_the_page_and_the_secretary_takes_it_through(
    browse: Callable[[str], Client], org: Callable[[str], Any],
) -> None:
    clerk, secretary = browse("finance_clerk"), browse("finance_secretary")
    sent = clerk.post("/openness/disclosures/new/", {
        "organization": org("县财政局").pk, "title": "党员发展公示", "body": "拟发展对象公示",
        "domain": "党务", "audience": "向社会", "channel": "公开栏", "matter_on": "2026-11-30"})
    assert sent.status_code == 302
    made = Disclosure.objects.get(title="党员发展公示")
    assert clerk.post(f"/openness/disclosures/{made.pk}/submit/").status_code == 302
    review = clerk.get(f"/openness/disclosures/{made.pk}/review/")
    assert review.status_code == 403
    assert "拟稿人不能审核本人起草的公开事项" in review.content.decode()
    for verb, body in (("review", {"decision": "accept"}), ("approve", {"decision": "accept"})):
        assert secretary.get(f"/openness/disclosures/{made.pk}/{verb}/").status_code == 200
        assert secretary.post(f"/openness/disclosures/{made.pk}/{verb}/", body).status_code == 302
    assert clerk.post(f"/openness/disclosures/{made.pk}/publish/", {}).status_code == 302
    made.refresh_from_db()
    assert made.status == "已公开"
    assert "党员发展公示" in Client().get("/gongkai/").content.decode()


def test_the_approval_page_refuses_a_clerk_with_the_apis_words(
    browse: Callable[[str], Client], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    page = browse("finance_clerk").get(f"/openness/disclosures/{made['id']}/approve/")
    assert page.status_code == 403
    assert "仅本单位书记可以审批或撤回公开事项" in page.content.decode()


def test_another_units_disclosure_is_a_404_page(
    browse: Callable[[str], Client], draft: Callable[..., dict[str, Any]],
) -> None:
    made = draft()
    edu = browse("edu_clerk")
    assert edu.get(f"/openness/disclosures/{made['id']}/").status_code == 404
    assert edu.get(f"/openness/disclosures/{made['id']}/submit/").status_code == 404
    assert edu.post(f"/openness/disclosures/{made['id']}/submit/").status_code == 404
    assert Disclosure.objects.get(pk=made["id"]).status == "拟稿"


def test_a_withdrawal_without_reason_is_refused_on_the_field(
    browse: Callable[[str], Client], published: Callable[..., dict[str, Any]],
) -> None:
    done = published()
    secretary = browse("finance_secretary")
    url = f"/openness/disclosures/{done['id']}/withdraw/"
    assert secretary.post(url, {"reason": ""}).status_code == 302
    assert "请填写撤回理由" in secretary.get(url).content.decode()
    assert Disclosure.objects.get(pk=done["id"]).status == "已公开"


def test_an_overdue_request_turns_red_on_the_register(
    browse: Callable[[str], Client], org: Callable[[str], Any], user: Callable[[str], User],
) -> None:
    from datetime import date

    late = DisclosureRequest.objects.create(
        organization=org("县财政局"), applicant="王某", content="逾期的申请",
        received_on=date(2026, 10, 9), due_on=date(2026, 11, 6),
        created_by=user("finance_clerk"))
    html = browse("finance_clerk").get("/openness/requests/").content.decode()
    row = html.split(f'data-testid="request-{late.pk}"')[1].split("</tr>")[0]
    assert "light-red" in row


def test_the_overview_counts_overdue_items_by_unit(
    browse: Callable[[str], Client], draft: Callable[..., dict[str, Any]],
) -> None:
    draft(title="逾期未公开", matter_on="2026-11-02")  # due 2026-11-09, today 2026-12-03
    html = browse("county_head").get("/openness/").content.decode()
    assert "县财政局" in html.split('data-testid="overdue-units"')[1]
    assert "公开及时率" in html
