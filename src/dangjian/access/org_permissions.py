"""Who may maintain the organisation tree (组织), decided once here: ``orgs`` sits below
``access`` and cannot read grants, so its action table is declared and registered by
``access``. The API and the pages ask the same rule and give the same refusal."""

from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q, QuerySet

from dangjian.core.permissions import Rule, register
from dangjian.orgs.models import Organization

from .roles import ROLE_RULES
from .scoping import grants_of, may_enter_data

ACTIONS = {
    # obj: the Organization created under (the parent), renamed, moved, moved under, deleted
    "maintain": Rule(may_enter_data, "您没有维护该组织的权限"),
}

register("orgs", ACTIONS)


def organizations_for_entry(user: Any) -> QuerySet[Organization]:
    """Every organisation ``user`` may enter data for (``may_enter_data``), in tree order: the
    subtrees of the grants whose role enters data."""
    roots = [grant.organization.path for grant in grants_of(user)
             if ROLE_RULES[grant.role].enters_data and grant.organization is not None]
    if not roots:
        return Organization.objects.none()
    within = reduce(or_, [Q(path__startswith=path) for path in roots])
    return Organization.objects.filter(within).order_by("path")
