"""Reads about the signed-in user, shared by the home page and GET /api/v1/me/."""

from typing import Any

from dangjian.orgs.models import Organization

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
