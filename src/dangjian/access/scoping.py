"""The single place that decides which business records a user sees.

Every page, API view, export and background job calls ``restrict(queryset, user)``. A model
takes part by declaring ``scope_fields``: the lookups from it to an organisation path, to an
organisation id and (optionally) to a person id, and whether a member's branch reach applies.

包联 (``people.Link``) reaches data beside 分管 (``people.Charge``), for reading only. A user
holding a leader's role (县领导, 分管领导) sees the records of the townships and villages his
current 包联 links name, subtree and all, as 分管 shows a vice head his departments. These
subtrees are kept apart (``Scope.linked_roots``): ``restrict`` shows them, but nothing that
decides a write counts them. Writes are granted by the role tables (``may_enter_data`` reads
the grants, never the scope; a vice head's own writes check his 分管 ``Charge`` rows) and the
one scope-based write check, ``may_direct``, asks ``writable_scope``. A 包联 leader therefore
reads a linked village's income and profile and never reports, verifies or edits them.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet

from dangjian.core.scope_fields import ScopeFields
from dangjian.orgs.models import Organization
from dangjian.people.models import Charge, Link

from .models import RoleGrant, User
from .roles import ROLE_RULES, Reach, Role


@dataclass(frozen=True)
class Scope:
    """Subtrees (by path), single organisations and single persons a user may see.

    ``organization_ids`` are a member's own branch: they apply only to models whose
    ``ScopeFields.member_branch`` says so."""

    subtree_roots: tuple[Organization, ...] = ()
    organization_ids: frozenset[int] = field(default_factory=frozenset)
    person_ids: frozenset[int] = field(default_factory=frozenset)
    self_person_id: int | None = None  # records addressed to the user (ScopeFields.addressee)
    # 包联 subtrees: read, never written (module docstring).
    linked_roots: tuple[Organization, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.subtree_roots or self.linked_roots or self.organization_ids
                    or self.person_ids)

    @property
    def writable(self) -> "Scope":
        """This scope without its read-only 包联 subtrees."""
        return Scope(self.subtree_roots, self.organization_ids, self.person_ids,
                     self.self_person_id)

    def q(self, fields: ScopeFields) -> Q | None:
        """The filter for a model with ``fields``; None when nothing is visible."""
        parts = [Q(**{f"{fields.path}__startswith": org.path}) for org in self._top_roots()]
        if self.organization_ids and fields.member_branch:
            parts.append(Q(**{f"{fields.organization}__in": self.organization_ids}))
        if self.person_ids and fields.person:
            parts.append(Q(**{f"{fields.person}__in": self.person_ids}))
        if self.self_person_id and fields.addressee:
            parts.append(Q(**{fields.addressee: self.self_person_id}))
        return reduce(or_, parts) if parts else None

    def _top_roots(self) -> list[Organization]:
        # A root inside another root's subtree adds nothing but an OR branch; drop it.
        roots = sorted((*self.subtree_roots, *self.linked_roots), key=lambda org: org.path)
        kept: list[Organization] = []
        for org in roots:
            if not any(org.path.startswith(k.path) for k in kept):
                kept.append(org)
        return kept


def _roots_for_grant(grant: RoleGrant, user: User) -> tuple[Organization, ...]:
    reach = ROLE_RULES[grant.role].reach
    if reach is Reach.GRANTED_SUBTREE and grant.organization is not None:
        return (grant.organization,)
    if reach is Reach.CHARGED_SUBTREES and user.person_id:
        charges = Charge.objects.current().filter(leader_id=user.person_id)
        return tuple(c.organization for c in charges.select_related("organization"))
    return ()


# Roles whose holder's 包联 links widen what he reads.
LINKED_ROLES = frozenset({Role.COUNTY_LEADER, Role.VICE_HEAD})


def _linked_roots(user: Any, roles: set[str]) -> tuple[Organization, ...]:
    if not (roles & LINKED_ROLES and user.person_id):
        return ()
    links = Link.objects.current().filter(leader_id=user.person_id)
    return tuple(link.organization for link in links.select_related("organization"))


def scope_for(user: Any) -> Scope:
    """Union of what the user's grants cover. Cached on the user object for one request."""
    cached = getattr(user, "_dangjian_scope", None)
    if cached is not None:
        return cached
    scope = Scope()
    if getattr(user, "is_authenticated", False) and user.is_active:
        roots: list[Organization] = []
        org_ids: set[int] = set()
        person_ids: set[int] = set()
        roles: set[str] = set()
        for grant in user.grants.select_related("organization"):
            roles.add(grant.role)
            roots.extend(_roots_for_grant(grant, user))
            if ROLE_RULES[grant.role].reach is Reach.OWN_RECORDS and user.person_id:
                person_ids.add(user.person_id)
                org_ids.add(user.person.organization_id)
        scope = Scope(tuple(roots), frozenset(org_ids), frozenset(person_ids),
                      self_person_id=user.person_id, linked_roots=_linked_roots(user, roles))
    user._dangjian_scope = scope
    return scope


M = TypeVar("M", bound=Model)


def restrict(queryset: QuerySet[M], user: Any) -> QuerySet[M]:
    """``queryset`` narrowed to what ``user`` may see; out-of-scope rows simply vanish."""
    fields: ScopeFields = queryset.model.scope_fields  # type: ignore[attr-defined]
    condition = scope_for(user).q(fields)
    return queryset.filter(condition) if condition is not None else queryset.none()


def reaches(user: Any, model: Any) -> bool:
    """Whether ``user``'s scope covers ``model`` at all (a plain member's does not cover the
    oversight ledger, say): pages and exports of a model answer 403 where it does not."""
    return scope_for(user).q(model.scope_fields) is not None


def grants_of(user: Any) -> list[RoleGrant]:
    """The user's grants with their organisations, read once per request (cached on the user
    object like ``scope_for``): permission checks over a list of records ask it per row."""
    cached = getattr(user, "_dangjian_grants", None)
    if cached is None:
        cached = list(user.grants.select_related("organization"))
        user._dangjian_grants = cached
    return cached


def roles_of(user: Any) -> set[str]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return {grant.role for grant in grants_of(user)}


def may_enter_data(user: Any, organization: Organization) -> bool:
    """Whether a clerk-like role covers ``organization`` for creating and editing records."""
    for grant in grants_of(user):
        rule = ROLE_RULES[grant.role]
        org = grant.organization
        if rule.enters_data and org is not None and organization.path.startswith(org.path):
            return True
    return False


def may_direct(user: Any, organization: Organization) -> bool:
    """Whether ``user`` deploys or keeps work for ``organization`` (tasks' 部署, duties' 责任清单):
    its clerk or secretary, or a county leader whose scope covers it."""
    if may_enter_data(user, organization):
        return True
    return Role.COUNTY_LEADER in roles_of(user) and writable_covers(user, organization)


def writable_covers(user: Any, organization: Organization) -> bool:
    """Whether ``user``'s scope without its 包联 subtrees covers ``organization``."""
    condition = scope_for(user).writable.q(Organization.scope_fields)
    return condition is not None and Organization.objects.filter(
        condition, pk=organization.pk).exists()
