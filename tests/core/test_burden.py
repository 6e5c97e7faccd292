"""减负 measured (issue 12): the counter moves by the fields a clerk types when a form is
accepted, by the values the platform filled when they are submitted as offered, and not at all
when a form is refused; the cockpit's figures are scoped like every register."""

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.core.burden import (
    MonthBurden,
    count_submission,
    county_burden,
    month_of,
    offer_token,
    tally_fields,
)
from dangjian.core.models import FormBurden
from dangjian.documents.spreadsheets import render_xlsx
from dangjian.duties.services.lists import responsibility_list_create
from dangjian.orglife.models import Meeting
from dangjian.orglife.services.ledger_import import LEDGER_HEADERS
from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person
from tests.concurrency import database_file, in_thread, run_together

FINANCE_BRANCH = "县财政局机关第一党支部"
MEETING_FORM = "meeting"


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _totals(user: User, form: str | None = None) -> tuple[int, int, int]:
    """(forms, typed, filled) counted for ``user`` this month, over one form or all."""
    rows = FormBurden.objects.filter(user=user, month=month_of(timezone.localdate()))
    if form is not None:
        rows = rows.filter(form=form)
    counts = [(r.forms, r.typed, r.filled) for r in rows]
    return tuple(sum(c[i] for c in counts) for i in range(3))  # type: ignore[return-value]


def _members(branch: Organization) -> list[Person]:
    return list(Person.objects.filter(
        organization__path__startswith=branch.path,
        party_status__in=[PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY]).order_by("pk"))


def _offered(html: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="_offered" value="([^"]+)">', html)


@pytest.fixture
def branch(db: None) -> Organization:
    return Organization.objects.get(name=FINANCE_BRANCH)


@pytest.fixture
def meeting_form(user: Callable[[str], User], branch: Organization
                 ) -> Callable[[], tuple[Client, dict[str, Any]]]:
    """The clerk opens 登记会议 for the branch's 主题党日: the page's offered values, as a
    browser would send them back untouched."""

    def open_form() -> tuple[Client, dict[str, Any]]:
        client = _signed_in(user("finance_clerk"))
        html = client.get("/orglife/meetings/new/",
                          {"organization": branch.pk, "kind": "主题党日"}).content.decode()
        people = [p.pk for p in _members(branch)]
        return client, {
            "organization": branch.pk, "kind": "主题党日",
            "held_on": str(timezone.localdate()), "place": "党员活动室",
            "topic": "主题党日：集中学习、重温入党誓词", "listed": people, "present": people,
            "listed_for": branch.pk, "listed_kind": "主题党日", "_offered": _offered(html)}

    return open_form


@pytest.mark.django_db
def test_the_record_page_offers_its_prefilled_values_signed(
    meeting_form: Callable[[], tuple[Client, dict[str, Any]]],
) -> None:
    _, sent = meeting_form()
    names = sorted(token.partition(":")[0] for token in sent["_offered"])
    assert names == ["held_on", "kind", "organization", "place", "present", "topic"]
    assert offer_token("topic", sent["topic"]) in sent["_offered"]


@pytest.mark.django_db
def test_a_clerk_typing_a_meeting_moves_typed_by_the_fields_typed(
    meeting_form: Callable[[], tuple[Client, dict[str, Any]]], user: Callable[[str], User],
) -> None:
    client, sent = meeting_form()
    clerk = user("finance_clerk")
    before = _totals(clerk, MEETING_FORM)
    absent = sent["present"][0]
    response = client.post("/orglife/meetings/new/", {
        **sent, "topic": "学习《中国共产党纪律处分条例》", "minutes": "书记领学，党员交流发言",
        "present": sent["present"][1:], f"reason-{absent}": "病假"})
    assert response.status_code == 302 and Meeting.objects.filter(
        topic="学习《中国共产党纪律处分条例》").exists()
    after = _totals(clerk, MEETING_FORM)
    # typed: the topic, the minutes, the ticks (one unticked) and the absentee's reason;
    # filled: the organisation, the kind, the date and the place, as offered
    assert (after[0] - before[0], after[1] - before[1], after[2] - before[2]) == (1, 4, 4)


@pytest.mark.django_db
def test_a_form_submitted_as_the_platform_filled_it_moves_filled_not_typed(
    meeting_form: Callable[[], tuple[Client, dict[str, Any]]], user: Callable[[str], User],
) -> None:
    client, sent = meeting_form()
    clerk = user("finance_clerk")
    before = _totals(clerk, MEETING_FORM)
    assert client.post("/orglife/meetings/new/", sent).status_code == 302
    after = _totals(clerk, MEETING_FORM)
    assert (after[0] - before[0], after[1] - before[1], after[2] - before[2]) == (1, 0, 6)


@pytest.mark.django_db
def test_a_token_does_not_make_another_value_the_platforms(
    meeting_form: Callable[[], tuple[Client, dict[str, Any]]], user: Callable[[str], User],
) -> None:
    client, sent = meeting_form()
    clerk = user("finance_clerk")
    before = _totals(clerk, MEETING_FORM)
    forged = [*sent["_offered"], offer_token("minutes", "伪造")]
    client.post("/orglife/meetings/new/", {**sent, "place": "会议室", "minutes": "真实记录",
                                           "_offered": forged})
    after = _totals(clerk, MEETING_FORM)
    assert (after[1] - before[1], after[2] - before[2]) == (2, 5)  # place, minutes typed


@pytest.mark.django_db
def test_a_refused_form_counts_nothing(
    meeting_form: Callable[[], tuple[Client, dict[str, Any]]], user: Callable[[str], User],
) -> None:
    client, sent = meeting_form()
    clerk = user("finance_clerk")
    before = _totals(clerk)
    tomorrow = str(timezone.localdate() + timedelta(days=1))
    refused = client.post("/orglife/meetings/new/", {**sent, "held_on": tomorrow}, follow=True)
    assert "会议日期不能晚于今天" in refused.content.decode()
    assert _totals(clerk) == before


@pytest.mark.django_db
def test_a_refused_forms_draft_is_not_offered_again(
    meeting_form: Callable[[], tuple[Client, dict[str, Any]]], branch: Organization,
) -> None:
    client, sent = meeting_form()
    client.post("/orglife/meetings/new/", {**sent, "held_on": "2999-01-01"})
    html = client.get("/orglife/meetings/new/", {"organization": branch.pk}).content.decode()
    assert _offered(html) == []  # what the clerk typed stays typed


@pytest.mark.django_db
def test_a_page_action_counts_the_offered_date_filled_and_the_description_typed(
    user: Callable[[str], User],
) -> None:
    clerk = user("finance_clerk")
    rlist = responsibility_list_create(
        actor=clerk, organization=Organization.objects.get(name="县财政局党组"),
        year=timezone.localdate().year)
    item = rlist.items.get(template_key="org.study")
    client = _signed_in(clerk)
    offered = _offered(client.get(f"/duties/items/{item.pk}/fulfil/").content.decode())
    assert offered == [offer_token("done_on", timezone.localdate().isoformat())]
    before = _totals(clerk, "item-fulfil-{pk}")
    response = client.post(f"/duties/items/{item.pk}/fulfil/", {
        "done_on": timezone.localdate().isoformat(), "description": "学习研讨党内法规",
        "_offered": offered})
    assert response.status_code == 302 and item.fulfilments.count() == 1
    after = _totals(clerk, "item-fulfil-{pk}")
    assert (after[0] - before[0], after[1] - before[1], after[2] - before[2]) == (1, 1, 1)


@pytest.mark.django_db
def test_an_api_write_counts_the_fields_sent_as_typed(
    api_as: Callable[[str], APIClient], user: Callable[[str], User], branch: Organization,
) -> None:
    clerk = user("finance_clerk")
    people = _members(branch)
    before = _totals(clerk)
    created = api_as("finance_clerk").post("/api/v1/meetings/", {
        "organization": branch.pk, "kind": "主题党日", "held_on": str(timezone.localdate()),
        "topic": "重温入党誓词", "attendees": [p.pk for p in people]}, format="json")
    assert created.status_code == 201, created.content
    refused = api_as("finance_clerk").post("/api/v1/meetings/", {
        "organization": branch.pk, "kind": "主题党日", "held_on": "2999-01-01",
        "topic": "未来的会", "attendees": [p.pk for p in people]}, format="json")
    assert refused.status_code == 400
    after = _totals(clerk)
    assert (after[0] - before[0], after[1] - before[1], after[2] - before[2]) == (1, 5, 0)


@pytest.mark.django_db
def test_an_imported_ledger_counts_its_cells_as_filled(
    user: Callable[[str], User], branch: Organization,
) -> None:
    clerk = user("finance_clerk")
    people = _members(branch)
    row = [FINANCE_BRANCH, "主题党日", timezone.localdate() - timedelta(days=1), "党员活动室",
           "集中学习", "", "", "、".join(p.name for p in people[:2]), ""]
    ledger = render_xlsx(title="组织生活会议台账", headers=LEDGER_HEADERS, rows=[row],
                         sheet_name="会议台账")
    before = _totals(clerk)
    response = _signed_in(clerk).post(
        "/orglife/import/", {"file": SimpleUploadedFile("台账.xlsx", ledger)}, follow=True)
    assert "已导入1条会议记录" in response.content.decode()
    after = _totals(clerk)
    # one form, its file chosen by hand; six non-empty cells filled by the import
    assert (after[0] - before[0], after[1] - before[1], after[2] - before[2]) == (1, 1, 6)


@pytest.mark.django_db
def test_only_roles_that_enter_data_are_counted(user: Callable[[str], User]) -> None:
    assert count_submission(user("finance_secretary"), typed=1, filled=0, form="t")
    for username in ("county_head", "vice_head", "inspector", "assessor", "member"):
        assert not count_submission(user(username), typed=3, filled=1, form="t")
    assert not FormBurden.objects.filter(user__username="county_head").exists()


def test_an_empty_field_is_neither_typed_nor_filled() -> None:
    offered = [offer_token("place", "党员活动室"), offer_token("topic", "议题")]
    tally = tally_fields({"place": ["党员活动室"], "topic": [" "], "minutes": ["记录"]}, {},
                         ["place", "topic", "minutes", "decisions"], offered)
    assert (tally.typed, tally.filled) == (1, 1)


@pytest.mark.django_db
def test_county_burden_is_scoped_to_the_leaders_charge(user: Callable[[str], User]) -> None:
    finance, education = user("finance_clerk"), user("edu_clerk")
    count_submission(finance, typed=10, filled=4, form="t")
    count_submission(finance, typed=6, filled=0, form="u")
    count_submission(education, typed=7, filled=1, form="t")
    head = county_burden(user("county_head"), 3)
    vice = county_burden(user("vice_head"), 3)  # 分管县财政局, not 县教育局
    this_month = f"{timezone.localdate():%Y-%m}"
    assert [m.month for m in head][-1] == this_month and len(head) == 3
    assert head[0].month < head[1].month < head[2].month  # oldest first
    assert head[-1] == MonthBurden(this_month, clerks=2, forms=3, typed=23, filled=5,
                                   typed_per_clerk=11.5)
    assert vice[-1] == MonthBurden(this_month, clerks=1, forms=2, typed=16, filled=4,
                                   typed_per_clerk=16.0)
    assert county_burden(user("member"), 3)[-1].forms == 0
    assert county_burden(user("edu_clerk"), 3)[-1].typed == 7


@pytest.mark.django_db
def test_county_burden_spans_the_year_boundary(user: Callable[[str], User]) -> None:
    months = county_burden(user("county_head"), 14)
    first = date.fromisoformat(months[0].month + "-01")
    last = date.fromisoformat(months[-1].month + "-01")
    assert len(months) == 14 and (last.year - first.year) * 12 + last.month - first.month == 13
    assert len(county_burden(user("county_head"), 0)) == 1  # at least this month


@pytest.mark.django_db(transaction=True)
def test_concurrent_submits_lose_no_count(committed_demo: None, tmp_path: Path) -> None:
    database = database_file(tmp_path)
    clerk = User.objects.get(username="finance_clerk")
    parties = 6

    def submit() -> bool:
        return count_submission(User.objects.get(pk=clerk.pk), typed=2, filled=1, form="race")

    results = run_together([submit] * parties, database=database)
    assert results == [True] * parties, results
    row = in_thread(lambda: FormBurden.objects.values("forms", "typed", "filled").get(
        user_id=clerk.pk, form="race"), database=database)
    assert row == {"forms": parties, "typed": 2 * parties, "filled": parties}
