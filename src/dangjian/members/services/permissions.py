"""Who may write development, study and visit records, decided once here."""

from typing import Any

from django.core.exceptions import PermissionDenied

from dangjian.access.scoping import may_enter_data
from dangjian.orgs.models import Organization


def require_entry(actor: Any, organization: Organization) -> None:
    """Records are entered by the clerk or secretary of the unit the organisation belongs to."""
    if not may_enter_data(actor, organization):
        raise PermissionDenied("仅本单位的党务干事或书记可以录入")
