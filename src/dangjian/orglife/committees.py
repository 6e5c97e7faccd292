"""Who sits on a branch's 支部委员会, decided once for the compliance report, the meeting
form and meeting_record: a committee exists while 委员 posts are current on the branch
(a branch with fewer than 7 full members has a secretary and no committee, 条例 第六章)."""

from datetime import date

from django.db.models import QuerySet

from dangjian.orgs.models import Organization
from dangjian.people.models import Person, Post, PostTitle

COMMITTEE_TITLES = (PostTitle.SECRETARY, PostTitle.DEPUTY_SECRETARY, PostTitle.COMMITTEE_MEMBER)


def has_committee(branch: Organization, on: date) -> bool:
    return Post.objects.current(on).filter(organization=branch,
                                           title=PostTitle.COMMITTEE_MEMBER).exists()


def committee_members(branch: Organization, on: date) -> QuerySet[Person]:
    """The committee on ``on`` (secretary, deputies, 委员); none when no committee sits."""
    if not has_committee(branch, on):
        return Person.objects.none()
    posts = Post.objects.current(on).filter(organization=branch, title__in=COMMITTEE_TITLES)
    return Person.objects.filter(pk__in=posts.values("person_id")).order_by("name", "id")
