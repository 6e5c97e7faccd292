"""Reads about users: the signed-in user's scope, and who covers an organisation."""

from typing import Any

from django.db.models import QuerySet

from dangjian.orgs.models import Organization
from dangjian.people.models import Person

from .models import RoleGrant, User
from .scoping import scope_for


def scope_summary(user: Any) -> dict[str, Any]:
    """What the user covers, in words a person (or a client) can check."""
    scope = scope_for(user)
    subtrees = [{"id": o.pk, "name": o.name, "kind": o.kind} for o in scope._top_roots()]
    singles = Organization.objects.filter(pk__in=scope.organization_ids).order_by("path")
    return {
        "subtrees": subtrees,
        "organizations": [{"id": o.pk, "name": o.name, "kind": o.kind} for o in singles],
        "own_person": next(iter(scope.person_ids), None),
        "business_data": not scope.is_empty,
    }


def users_covering(organization: Organization, roles: set[str]) -> QuerySet[User]:
    """The active users answering for ``organization`` in one of ``roles``: those whose grant
    sits on the nearest organisation, itself or above, that has such a grant. A unit's own
    clerk and secretary are reminded of its work; a clerk granted higher up (a township's for
    its villages, the county's 组织部 clerk) only where the unit has none of its own."""
    grants = RoleGrant.objects.filter(
        role__in=roles, user__is_active=True,
        organization__path__in=organization.ancestor_paths())
    nearest = grants.order_by("-organization__depth").values_list(
        "organization__depth", flat=True).first()
    if nearest is None:
        return User.objects.none()
    return User.objects.filter(
        is_active=True, grants__in=grants.filter(organization__depth=nearest)).distinct()


def user_of(person: Person | None) -> User | None:
    return User.objects.filter(person=person, is_active=True).first() if person else None
