"""The clerk's desk and the compliance page, without a browser."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from dangjian.orglife.models import Meeting
from dangjian.orgs.models import Organization
from dangjian.people.models import Person

pytestmark = pytest.mark.django_db


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_record_page_offers_the_branch_members_to_tick(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
) -> None:
    html = _signed_in(user("finance_clerk")).get(
        "/orglife/meetings/new/", {"organization": branch.pk, "kind": "支部党员大会"}
    ).content.decode()
    for person in members(branch):
        assert f'aria-label="{person.name}到会"' in html
    assert "<option selected>支部党员大会</option>" in html
    assert "听取和审议支部委员会工作报告" in html  # the template's topic


def test_unticked_members_are_recorded_absent_with_their_reason(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
    today: date,
) -> None:
    people = members(branch)
    response = _signed_in(user("finance_clerk")).post("/orglife/meetings/new/", {
        "organization": branch.pk, "kind": "主题党日", "held_on": str(today),
        "topic": "重温入党誓词", "place": "党员活动室", "listed": [p.pk for p in people],
        "present": [p.pk for p in people[1:]], f"reason-{people[0].pk}": "病假",
        "chair": people[1].pk}, follow=True)
    assert f"应到{len(people)}人，实到{len(people) - 1}人" in response.content.decode()
    meeting = Meeting.objects.latest("id")
    assert meeting.attendance.get(present=False).absence_reason == "病假"
    assert meeting.chair == people[1]


def test_a_refused_meeting_explains_itself_and_keeps_the_input(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
    today: date,
) -> None:
    people = members(branch)
    response = _signed_in(user("finance_clerk")).post("/orglife/meetings/new/", {
        "organization": branch.pk, "kind": "主题党日",
        "held_on": str(today + timedelta(days=2)), "topic": "这段议题不能丢",
        "listed": [p.pk for p in people], "present": [people[0].pk]}, follow=True)
    html = response.content.decode()
    assert "会议日期不能晚于今天" in html and "这段议题不能丢" in html
    unticked = f'id="present-{people[1].pk}" aria-label="{people[1].name}到会" >'
    assert unticked in html  # the draft remembers who was not ticked


def test_the_compliance_page_highlights_gaps_with_their_article(
    user: Callable[[str], Any], org: Callable[[str], Organization],
) -> None:
    unit = org("县财政局")
    html = _signed_in(user("finance_secretary")).get(
        "/orglife/compliance/", {"organization": unit.pk, "year": 2025}).content.decode()
    assert 'class="gap"' in html and "第十一条" in html and "第三季度" in html
    assert "县教育局" not in html


def test_the_compliance_page_only_offers_organisations_in_scope(
    user: Callable[[str], Any], org: Callable[[str], Organization],
) -> None:
    education = org("县教育局")
    html = _signed_in(user("finance_clerk")).get(
        "/orglife/compliance/", {"organization": education.pk}).content.decode()
    assert "县教育局" not in html and "县财政局" in html


def test_the_ledger_template_downloads(user: Callable[[str], Any]) -> None:
    response = _signed_in(user("finance_clerk")).get("/orglife/ledger-template.xlsx")
    assert response.status_code == 200 and response.content.startswith(b"PK")


def test_an_import_through_the_page_reports_the_bad_rows(user: Callable[[str], Any]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from dangjian.orglife.services.ledger_import import ledger_template

    response = _signed_in(user("finance_clerk")).post(
        "/orglife/import/", {"file": SimpleUploadedFile("台账.xlsx", ledger_template())},
        follow=True)
    html = response.content.decode()
    assert "第1条记录" in html and "没有名为“张三”的人员" in html


def test_the_record_page_starts_from_the_clerks_first_branch(
    user: Callable[[str], Any], branch: Organization,
) -> None:
    html = _signed_in(user("finance_clerk")).get("/orglife/meetings/new/").content.decode()
    assert f'<option value="{branch.pk}" selected>' in html


def test_a_leading_group_lists_its_own_members_not_the_branches(
    user: Callable[[str], Any], org: Callable[[str], Organization],
    members: Callable[..., list[Person]], branch: Organization,
) -> None:
    group = org("县财政局党组")
    html = _signed_in(user("finance_clerk")).get(
        "/orglife/meetings/new/", {"organization": group.pk}).content.decode()
    assert f'aria-label="{user("finance_secretary").person.name}到会"' in html
    assert f'aria-label="{user("member").person.name}到会"' not in html
    assert "<option selected>民主生活会</option>" not in html  # 党课 comes first for a group


def test_the_organisation_chosen_is_the_one_recorded_or_the_form_refuses(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
    org: Callable[[str], Organization], today: date,
) -> None:
    clerk = _signed_in(user("finance_clerk"))
    other = org("县财政局机关第二党支部")
    page = clerk.get("/orglife/meetings/new/", {"organization": branch.pk}).content.decode()
    form = page[page.index('action="/orglife/meetings/new/"'):]
    assert '<select name="organization"' in form.split("</form>")[0]  # chosen inside the form
    people = members(branch)
    before = Meeting.objects.count()
    response = clerk.post("/orglife/meetings/new/", {
        "organization": other.pk, "listed_for": branch.pk, "kind": "主题党日",
        "held_on": str(today), "topic": "选了第二支部却没切换", "listed": [p.pk for p in people],
        "present": [p.pk for p in people]}, follow=True)
    html = response.content.decode()
    assert "请先点“切换组织”" in html and other.name in html
    assert Meeting.objects.count() == before
    switched = clerk.post("/orglife/meetings/new/", {"organization": other.pk, "switch": "1",
                                                     "listed_for": branch.pk})
    assert switched.status_code == 302 and f"organization={other.pk}" in switched["Location"]
    assert Meeting.objects.count() == before


def test_the_committee_template_lists_the_committee_only(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
    today: date,
) -> None:
    from dangjian.people.models import Post, PostTitle

    clerk = _signed_in(user("finance_clerk"))
    page = clerk.get("/orglife/meetings/new/", {"organization": branch.pk}).content.decode()
    assert "支部委员会会议" not in page.split('data-testid="attendance"')[0]  # no committee
    people = members(branch)
    for person in people[:3]:
        Post.objects.create(person=person, organization=branch, title=PostTitle.COMMITTEE_MEMBER,
                            start_on=today - timedelta(days=30))
    page = clerk.get("/orglife/meetings/new/", {"organization": branch.pk,
                                   "kind": "支部委员会会议"}).content.decode()
    attendance = page.split('data-testid="attendance"')[1].split("</fieldset>")[0]
    assert attendance.count('name="listed"') == 3
    assert f'value="{people[3].pk}"' not in attendance


def test_a_list_of_the_committee_is_not_recorded_as_another_meeting(
    user: Callable[[str], Any], branch: Organization, members: Callable[..., list[Person]],
    today: date,
) -> None:
    people = members(branch)[:3]
    before = Meeting.objects.count()
    response = _signed_in(user("finance_clerk")).post("/orglife/meetings/new/", {
        "organization": branch.pk, "listed_for": branch.pk, "listed_kind": "支部委员会会议",
        "kind": "主题党日", "held_on": str(today), "topic": "只列了委员",
        "listed": [p.pk for p in people], "present": [p.pk for p in people]}, follow=True)
    assert "请点上方的会议模板重新载入名单" in response.content.decode()
    assert Meeting.objects.count() == before
