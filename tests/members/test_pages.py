"""The clerk's pages: candidates with what is due, the step form, study totals, visits."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.members.models import Candidate
from dangjian.members.services.study import study_record_create
from dangjian.orgs.models import Organization

from .conftest import TIMELINE, new_id_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk_client(clerk: User) -> Client:
    client = Client()
    client.force_login(clerk)
    return client


def test_the_list_shows_each_candidate_with_what_is_due_and_the_step_page_its_article(
    clerk_client: Client, applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    html = clerk_client.get("/members/candidates/").content.decode()
    assert f'data-testid="candidate-{candidate.pk}"' in html
    assert "第2步 党组织派人谈话，2023-04-03前" in html and "已逾期" in html
    html = clerk_client.get(f"/members/candidates/{candidate.pk}/steps/").content.decode()
    assert "第2步 党组织派人谈话，2023-04-03前" in html and "已逾期" in html
    assert "第七条" in html and 'name="step"' in html


def test_a_clerk_records_the_next_step_through_the_form(
    clerk_client: Client, applicant: Callable[..., Candidate],
) -> None:
    candidate = applicant()
    response = clerk_client.post(f"/members/candidates/{candidate.pk}/steps/",
                                 {"step": "2", "date": "2023-03-15", "document": "谈话记录"},
                                 follow=True)
    assert "已记录第2步 党组织派人谈话" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.current_step == 2


def test_a_refused_step_shows_the_article_and_keeps_what_was_typed(
    clerk_client: Client, applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    candidate = advance(applicant(), 6)
    response = clerk_client.post(f"/members/candidates/{candidate.pk}/steps/", {
        "step": "7", "date": "2024-05-09", "publicity_from": "2024-04-22", "note": "请保留"},
        follow=True)
    html = response.content.decode()
    assert "第十三条" in html and 'value="请保留"' in html
    candidate.refresh_from_db()
    assert candidate.current_step == 6


def test_a_clerk_registers_a_new_applicant_on_the_desk(
    clerk_client: Client, branch: Organization,
) -> None:
    response = clerk_client.post("/members/candidates/new/", {
        "organization": branch.pk, "applied_on": "2026-11-02", "name": "冯新人",
        "id_number": new_id_number()}, follow=True)
    assert "已为冯新人建立发展党员档案" in response.content.decode()
    assert Candidate.objects.filter(person__name="冯新人", current_step=1).exists()


def test_the_step_form_offers_the_branchs_full_members_as_introducers(
    clerk_client: Client, applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate], full_members: list,
) -> None:
    candidate = advance(applicant(), 8)
    html = clerk_client.get(f"/members/candidates/{candidate.pk}/steps/").content.decode()
    assert 'name="introducers"' in html
    assert all(f'<option value="{p.pk}">{p.name}</option>' in html for p in full_members)
    response = clerk_client.post(f"/members/candidates/{candidate.pk}/steps/", {
        "step": "9", "date": str(TIMELINE[9][0]),
        "introducers": [str(p.pk) for p in full_members]}, follow=True)
    assert "已记录第9步 确定入党介绍人" in response.content.decode()


def test_the_study_page_shows_hours_against_the_target(
    clerk_client: Client, clerk: User, user: Callable[[str], User],
) -> None:
    member = user("member").person
    study_record_create(actor=clerk, person=member, kind="轮训", date=date(2026, 5, 1),
                        hours=Decimal(40), topic="党员轮训")
    study_record_create(actor=clerk, person=clerk.person, kind="专题研讨",
                        date=date(2026, 5, 2), hours=Decimal(4), topic="专题研讨")
    html = clerk_client.get("/members/study/", {"year": 2026}).content.decode()
    assert "党员每年集中学习培训不少于32学时" in html and "本县可配置" in html
    assert "待核实" not in html and "凭记忆" not in html
    assert f"<td>{member.name}</td>" in html and "40.0" in html
    assert "未达标" in html  # the clerk's 4 hours


def test_a_visit_is_recorded_on_the_visits_page(
    clerk_client: Client, user: Callable[[str], User],
) -> None:
    member = user("member").person
    response = clerk_client.post("/members/visits/new/", {
        "person": member.pk, "kind": "老党员", "campaign": "七一", "date": "2026-06-30",
        "other_visitors": "县委副书记", "gifts": "慰问品", "follow_up": "需定期上门"},
        follow=True)
    html = response.content.decode()
    assert f"已登记走访慰问：{member.name}" in html and "需定期上门" in html
