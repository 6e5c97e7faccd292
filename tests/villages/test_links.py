"""包联: a leader reads his linked villages' records and writes none; a lecturer may be named
from his 包联 area; links are kept by the county."""

from collections.abc import Callable
from datetime import date

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.access.scoping import may_direct, restrict, writable_covers
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.leaders import persons_reaching
from dangjian.people.models import Link
from dangjian.villages.models import Income
from tests.conftest import fixed_today

pytestmark = pytest.mark.django_db


def test_a_link_lets_the_vice_head_read_the_village_but_not_its_neighbour(
        user: Callable[[str], User], village: Organization) -> None:
    vice = user("vice_head")
    visible = restrict(Income.objects.all(), vice)
    assert visible.filter(organization=village).exists()
    neighbour = Organization.objects.filter(kind=OrgKind.VILLAGE, path__startswith=village.path[
        :8]).exclude(pk=village.pk).exclude(links__leader=vice.person).first()
    assert neighbour is not None
    assert not visible.filter(organization=neighbour).exists()


def test_an_ended_link_reaches_nothing(user: Callable[[str], User],
                                       village: Organization) -> None:
    vice = user("vice_head")
    Link.objects.filter(leader=vice.person, organization=village).update(
        end_on=date(fixed_today().year - 1, 1, 1))
    assert not restrict(Income.objects.all(), user("vice_head")).filter(
        organization=village).exists()


def test_a_link_never_counts_for_a_write(user: Callable[[str], User],
                                         village: Organization) -> None:
    head = user("county_head")
    # A county leader granted one department only, 包联 to the village: reads it, directs none.
    grant = head.grants.get()
    grant.organization = Organization.objects.get(name="县财政局")
    grant.save()
    Link.objects.create(leader=head.person, organization=village, start_on=date(2020, 1, 1))
    head = user("county_head")
    assert restrict(Organization.objects.filter(pk=village.pk), head).exists()
    assert not writable_covers(head, village)
    assert not may_direct(head, village)


def test_a_linked_leader_may_lecture_in_the_village(user: Callable[[str], User],
                                                    village: Organization) -> None:
    vice = user("vice_head")
    branch = Organization.objects.get(parent=village, kind=OrgKind.BRANCH) \
        if hasattr(Organization, "parent") else None
    branch = Organization.objects.filter(path__startswith=village.path,
                                         kind=OrgKind.BRANCH).first()
    assert branch is not None
    assert persons_reaching(branch, fixed_today()).filter(pk=vice.person_id).exists()
    Link.objects.filter(leader=vice.person, organization=village).delete()
    assert not persons_reaching(branch, fixed_today()).filter(pk=vice.person_id).exists()


def test_the_county_clerk_links_a_leader_and_others_may_not(
        api_as: Callable[[str], APIClient], user: Callable[[str], User]) -> None:
    township = user("town_clerk").grants.get().organization
    body = {"leader": user("county_head").person_id, "organization": township.pk,
            "start_on": str(fixed_today())}
    assert api_as("town_clerk").post("/api/v1/links/", body, format="json").status_code in (
        400, 403)
    made = api_as("county_clerk").post("/api/v1/links/", body, format="json")
    assert made.status_code == 201, made.json()
    twice = api_as("county_clerk").post("/api/v1/links/", body, format="json")
    assert twice.status_code == 400 and "已包联" in str(twice.json())
    department = Organization.objects.get(name="县财政局")
    wrong = api_as("county_clerk").post("/api/v1/links/", {**body, "organization": department.pk},
                                        format="json")
    assert wrong.status_code == 400 and "乡镇或村" in str(wrong.json())
    ended = api_as("county_clerk").post(f"/api/v1/links/{made.json()['id']}/end/",
                                        {"end_on": "2000-01-01"}, format="json")
    assert ended.status_code == 400 and "早于开始日期" in str(ended.json())
