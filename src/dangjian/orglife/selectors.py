"""Reads for the orglife pages and API, always through access.scoping."""

from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from dangjian.access.roles import ROLE_RULES
from dangjian.access.scoping import restrict
from dangjian.orgs.models import Organization, OrgKind
from dangjian.people.leaders import persons_reaching
from dangjian.people.models import PartyStatus, Person, Post

from .models import Meeting
from .rules import HELD_BY

HOLDERS = sorted({kind for kinds in HELD_BY.values() for kind in kinds})
# Where a compliance report is usually asked for: units, committees and branches, not 党小组.
REPORT_ROOTS = [k for k in OrgKind.values if k not in (OrgKind.PARTY_CELL, OrgKind.VILLAGE)]


def meeting_rows_for(user: Any) -> QuerySet[Meeting]:
    """The page's list: 应到 and 实到 counted by the database, newest first."""
    present = Count("attendance", filter=Q(attendance__present=True))
    meetings = restrict(Meeting.objects.all(), user).select_related("organization", "chair")
    # An aggregate query ignores Meta.ordering: order explicitly.
    return meetings.annotate(expected=Count("attendance"), present=present).order_by(
        "-held_on", "-id")


def organizations_for_entry(user: Any) -> QuerySet[Organization]:
    """Organisations that hold meetings and for which ``user`` may enter them (the subtrees
    of grants whose role enters data, as ``access.scoping.may_enter_data`` decides)."""
    roots = [grant.organization.path for grant in user.grants.select_related("organization")
             if ROLE_RULES[grant.role].enters_data and grant.organization is not None]
    if not roots:
        return Organization.objects.none()
    within = reduce(or_, [Q(path__startswith=path) for path in roots])
    return Organization.objects.filter(within, kind__in=HOLDERS).order_by("path")


def lecturers_for(user: Any) -> QuerySet[Person]:
    """Whom ``user`` may name as a 党课's lecturer beyond his scope: the persons reaching the
    organisations he enters meetings for (``people.leaders``: members above, 分管 leaders).
    The service checks the meeting's own organisation."""
    roots = [grant.organization for grant in user.grants.select_related("organization")
             if ROLE_RULES[grant.role].enters_data and grant.organization is not None]
    if not roots:
        return Person.objects.none()
    today = timezone.localdate()
    return reduce(or_, [persons_reaching(root, today) for root in roots])


def report_roots_for(user: Any) -> QuerySet[Organization]:
    return restrict(Organization.objects.filter(kind__in=REPORT_ROOTS), user).order_by("path")


def scoped_organization(user: Any, pk: Any) -> Organization | None:
    if not str(pk or "").isdecimal():
        return None
    return restrict(Organization.objects.all(), user).filter(pk=pk).first()


def members_of(organization: Organization) -> QuerySet[Person]:
    """The attendance list (应到), full and probationary members only (activists who sit in
    are not 应到): a branch's members and its 党小组's; for a leading group (党组、党委), those
    kept on it or holding a post in it now, not every member of the branches below."""
    members = Person.objects.filter(
        party_status__in=[PartyStatus.FULL_MEMBER, PartyStatus.PROBATIONARY])
    if organization.kind in (OrgKind.BRANCH, OrgKind.PARTY_CELL):
        return members.filter(organization__path__startswith=organization.path).order_by(
            "organization__path", "name", "id")
    posted = Post.objects.current().filter(organization=organization).values("person_id")
    return members.filter(Q(organization=organization) | Q(pk__in=posted)).order_by("name", "id")
