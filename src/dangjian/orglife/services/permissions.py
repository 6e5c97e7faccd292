"""Who may write organisational-life records, decided once here."""

from typing import Any

from django.core.exceptions import PermissionDenied

from dangjian.access.scoping import may_enter_data
from dangjian.orgs.models import Organization


def require_entry(actor: Any, organization: Organization) -> None:
    """Meetings are entered by the clerk or secretary whose grant covers the organisation."""
    if not may_enter_data(actor, organization):
        raise PermissionDenied(f"您没有为“{organization.name}”登记组织生活的权限")
