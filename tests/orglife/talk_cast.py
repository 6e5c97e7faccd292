"""Who talks in the 谈心谈话 and 民主生活会 tests: a committee for 县财政局's first branch
(secretary and two 委员) and two 委员 on 县财政局党组 besides its secretary. The demo county
builds no branch committees; each test adds these posts in its own transaction."""

from dataclasses import dataclass
from datetime import date

from dangjian.orgs.models import Organization
from dangjian.people.models import PartyStatus, Person, Post, PostTitle

FINANCE_GROUP = "县财政局党组"


@dataclass
class TalkCast:
    branch: Organization
    group: Organization
    secretary: Person  # the branch's
    committee: list[Person]  # the branch's 委员 (not the secretary)
    others: list[Person]  # the branch's members without a post
    group_secretary: Person
    group_members: list[Person]  # the 党组's two 委员
    member: Person  # the demo account "member" (one of ``others``)


def build_cast(branch: Organization, group: Organization, group_secretary: Person,
               member: Person, today: date) -> TalkCast:
    people = list(Person.objects.filter(
        organization=branch, party_status__in=[PartyStatus.FULL_MEMBER,
                                               PartyStatus.PROBATIONARY])
        .exclude(pk=member.pk).order_by("pk"))
    secretary, committee = people[0], people[1:3]
    team = list(Person.objects.filter(
        organization__path__startswith=group.path, party_status=PartyStatus.FULL_MEMBER)
        .exclude(organization=branch).exclude(organization=group).order_by("pk")[:2])
    start = date(today.year - 1, 1, 1)
    Post.objects.bulk_create(
        [Post(person=secretary, organization=branch, title=PostTitle.SECRETARY, start_on=start)]
        + [Post(person=p, organization=branch, title=PostTitle.COMMITTEE_MEMBER, start_on=start)
           for p in committee]
        + [Post(person=p, organization=group, title=PostTitle.COMMITTEE_MEMBER, start_on=start)
           for p in team])
    others = [*people[3:], member]
    return TalkCast(branch, group, secretary, list(committee), others, group_secretary,
                    list(team), member)
