"""Who may keep which list (责任清单), decided once here: the duties action table."""


from dangjian.access.models import User
from dangjian.access.roles import ROLE_RULES, Role
from dangjian.access.scoping import grants_of, may_direct
from dangjian.core.permissions import Rule, register
from dangjian.orgs.models import Organization

from ..models import ResponsibilityList


def _own_or_directed(actor: User, rlist: ResponsibilityList) -> bool:
    """A leader keeps and records against their own list; the unit's clerk or secretary (or a
    county leader over it) any of the unit's. ``rlist`` may be unsaved (a list being created)."""
    own = rlist.person_id is not None and getattr(actor, "person_id", None) == rlist.person_id
    return own or may_direct(actor, rlist.organization)


def _keeps_county_template(actor: User, county: Organization) -> bool:
    """The county's 考核管理员 (县委组织部/党建办), or the 县委's own 党务干事 or 书记: a grant
    on the county itself (its root), not on a unit under it."""
    return any(grant.organization_id == county.pk
               and (grant.role == Role.ASSESSOR or ROLE_RULES[grant.role].enters_data)
               for grant in grants_of(actor))


ACTIONS = {
    # obj: an Organization (the pages' manage controls)
    "manage": Rule(may_direct,
                   lambda actor, org: f"您不能管理“{org}”的责任清单"),
    # obj: a ResponsibilityList
    "keep_list": Rule(_own_or_directed,
                      lambda actor, rlist: f"您不能管理“{rlist.organization}”的责任清单"),
    # obj: the county (root Organization) whose template (责任清单模板) is imported
    "import_template": Rule(_keeps_county_template,
                            "只有县委组织部（党建办）考核管理员或县委党务干事、书记可以导入"
                            "本县责任清单模板"),
    "record": Rule(_own_or_directed,
                   "只有责任人本人或本单位党务干事、书记可以记录履责情况"),
}

register("duties", ACTIONS)
