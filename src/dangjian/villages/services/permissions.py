"""Who may write village records, decided once here.

A village's clerk (or any clerk or secretary whose grant covers it) reports its figures; the
township (a clerk or secretary whose grant sits at the township, above the village) verifies;
the county (a grant above the township: the 县委 clerk) confirms, sets targets and 包联 links.
包联 leaders read and never write (``access.scoping``).
"""

from typing import Any

from dangjian.access.roles import ROLE_RULES
from dangjian.access.scoping import grants_of, may_enter_data
from dangjian.core.permissions import Rule, register
from dangjian.orgs.models import Organization, OrgKind


def township_of(organization: Organization) -> Organization | None:
    """The 乡镇 above (or at) ``organization``."""
    if organization.kind == OrgKind.TOWNSHIP:
        return organization
    return Organization.objects.get_ancestors(organization).filter(  # type: ignore[attr-defined]
        kind=OrgKind.TOWNSHIP).last()


def _entering_grants(user: Any) -> list[Organization]:
    return [g.organization for g in grants_of(user)
            if ROLE_RULES[g.role].enters_data and g.organization is not None]


def township_over(user: Any, village: Organization) -> bool:
    """A clerk or secretary of the village's township (granted at the township or between it
    and the village), never of the village itself."""
    township = township_of(village)
    return township is not None and any(
        org.path.startswith(township.path) and village.path.startswith(org.path)
        and not org.path.startswith(village.path) for org in _entering_grants(user))


def county_over(user: Any, organization: Organization) -> bool:
    """A clerk or secretary granted above the township of ``organization`` (the county)."""
    township = township_of(organization)
    grants = _entering_grants(user)
    if township is None:  # the county itself (its targets)
        return organization.kind == OrgKind.COUNTY_COMMITTEE and any(
            organization.path.startswith(org.path) for org in grants)
    return any(township.path.startswith(org.path) and org.path != township.path
               for org in grants)


def village_side(user: Any, village: Organization) -> bool:
    """A clerk or secretary of the village or of its township (never the county's): who
    declares and self-evaluates a 创建 entry."""
    township = township_of(village)
    return any(village.path.startswith(org.path)
               and (township is None or org.path.startswith(township.path))
               for org in _entering_grants(user))


ACTIONS = {
    # obj: the village Organization
    "enter": Rule(may_enter_data, "仅本村（社区）或上级的党务干事、书记可以填报村集体经济"),
    "verify": Rule(township_over, "仅所属乡镇的党务干事或书记可以审核村集体经济收入"),
    "confirm": Rule(county_over, "仅县级的党务干事或书记可以核定村集体经济收入"),
    # obj: the county (targets) or the township or village linked (包联)
    "configure": Rule(county_over, "仅县级的党务干事或书记可以设置目标和包联关系"),
    "declare": Rule(village_side, "仅本村（社区）或所属乡镇的党务干事、书记可以申报和自评创建"),
    # 创建: the county launches a campaign (obj: the county), accepts and names (obj: village)
    "campaign": Rule(county_over, "仅县级的党务干事或书记可以发起、验收和命名创建"),
}

register("villages", ACTIONS)
