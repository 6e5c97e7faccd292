"""Who may speak in an organisation though not (only) one of its members: the lecturer
(授课人) of a 党课 it holds (``orglife``), picked with the person picker's ``reaching``.

A 党课 is often given by someone who is not a member of the branch: the secretary of the party
group above it, a county leader "深入分管战线和包联地区开展讲党课" (seed 004). The lecturer is
therefore any person of these three groups, on the day of the lecture:

- a person kept on the organisation or below it (the branch's own members);
- a person kept on, or holding a current post in, an organisation above it (the party group's
  secretary and members, the county's leaders, who sit on the county party group);
- a leader currently in charge (分管, ``people.Charge``) of the organisation or of a unit above it;
- a leader currently linked (包联, ``people.Link``) to the organisation or to a unit above it
  (a vice head lecturing in a village of his 包联 township or his 包联 village itself).

The clerk picks from exactly this list (the form's short list and the type-ahead picker's
``reaching`` parameter, which answers beyond the clerk's scope for these leaders only: name and
organisation, as the county's leadership list is public); the service refuses anyone else.
"""

from datetime import date

from django.db.models import Q, QuerySet

from dangjian.orgs.models import Organization

from .models import Charge, Link, Person, Post


def persons_reaching(organization: Organization, on: date) -> QuerySet[Person]:
    above = [o.pk for o in Organization.objects.get_ancestors(organization)]
    posted = Post.objects.current(on).filter(organization_id__in=above).values("person_id")
    charged = Charge.objects.current(on).filter(
        organization_id__in=[*above, organization.pk]).values("leader_id")
    linked = Link.objects.current(on).filter(
        organization_id__in=[*above, organization.pk]).values("leader_id")
    return Person.objects.filter(
        Q(organization__path__startswith=organization.path) | Q(organization_id__in=above)
        | Q(pk__in=posted) | Q(pk__in=charged) | Q(pk__in=linked))


def in_charge(person: Person, organization: Organization, on: date) -> bool:
    """Whether ``person`` is 分管 leader of the organisation or of a unit above it."""
    above = [o.pk for o in Organization.objects.get_ancestors(organization)]
    return Charge.objects.current(on).filter(
        leader=person, organization_id__in=[*above, organization.pk]).exists()
