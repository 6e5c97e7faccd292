"""Who is a clerk for the burden counter (``dangjian.core.burden``): a user whose role enters
data (党务干事, 单位书记: ``RoleRule.enters_data``). Leaders, inspectors, the assessor, members
and the 三员 type in the platform too, but their work is not the clerks' 填报负担 the issue
measures; they are not counted."""

from typing import Any

from dangjian.orgs.models import Organization

from .roles import ROLE_RULES
from .scoping import grants_of


def clerk_organization(user: Any) -> Organization | None:
    """The organisation of the user's first data-entering grant (by grant id), or None."""
    for grant in sorted(grants_of(user), key=lambda g: g.pk):
        if ROLE_RULES[grant.role].enters_data and grant.organization is not None:
            return grant.organization
    return None
