"""Issue 13: a 党员 sees his own year on his 工作台 (meetings attended and missed, study hours
against the target, his development dates), and nothing of anyone else."""

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from dangjian.access.models import RoleGrant, User
from dangjian.access.roles import Role
from dangjian.members.models import Candidate
from dangjian.members.services.study import study_record_create
from dangjian.orglife.models import Attendance
from dangjian.people.models import Person

pytestmark = pytest.mark.django_db


def _home(account: User) -> str:
    client = Client()
    client.force_login(account)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _my_year(page: str) -> str:
    found = re.search(r'<section data-testid="my-year">.*?</section>', page, re.S)
    assert found, "no 我的一年 section"
    return found.group(0)


def test_the_member_sees_his_meetings_and_study_hours_and_nothing_of_his_colleagues(
    user: Callable[[str], User],
) -> None:
    member, clerk = user("member"), user("finance_clerk")
    today = timezone.localdate()
    year = today.year
    trained_on = min(today, date(year, 3, 2))  # a study record may not lie in the future
    mine = Attendance.objects.filter(person=member.person, meeting__held_on__year=year)
    assert mine.exists(), "the demo gives the member a year of meetings"
    colleague = Attendance.objects.filter(
        meeting__organization=member.person.organization, meeting__held_on__year=year).exclude(
        person=member.person).first()
    assert colleague is not None
    Attendance.objects.filter(pk=colleague.pk).update(present=False,
                                                      absence_reason="同事的缺席原因")
    study_record_create(actor=clerk, person=member.person, kind="轮训",
                        date=trained_on, hours=Decimal(6), topic="本人轮训")
    study_record_create(actor=clerk, person=clerk.person, kind="轮训",
                        date=trained_on, hours=Decimal(100), topic="同事轮训")

    section = _my_year(_home(member))
    attended, missed = mine.filter(present=True).count(), mine.filter(present=False).count()
    assert f"出席 {attended} 次" in section and f"缺席 {missed} 次" in section
    assert "同事的缺席原因" not in section
    assert "6.0" in section and "/ 32 学时" in section and "未达标" in section
    assert "106" not in section
    others = Person.objects.filter(organization=member.person.organization).exclude(
        pk=member.person.pk).values_list("name", flat=True)
    assert not [name for name in others if name in section]
    assert "党龄自" in section


def test_a_member_in_development_sees_his_stage_and_probation_end(
    user: Callable[[str], User], applicant: Callable[..., Candidate],
    advance: Callable[[Candidate, int], Candidate],
) -> None:
    candidate = advance(applicant(), 20)
    account = User.objects.create(username="probationer", person=candidate.person,
                                  display_name=candidate.person.name)
    RoleGrant.objects.create(user=account, role=Role.MEMBER)
    section = _my_year(_home(account))
    assert f"预备期满 {candidate.probation_ends_on:%Y-%m-%d}" in section
    assert "五、预备党员的教育考察和转正" in section


@pytest.mark.parametrize("username", ["finance_clerk", "county_head", "admin"])
def test_other_roles_have_no_my_year_section(user: Callable[[str], User], username: str
                                             ) -> None:
    assert 'data-testid="my-year"' not in _home(user(username))
