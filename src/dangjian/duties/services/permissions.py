"""Who may keep which list (责任清单), decided once here: the duties action table."""


from dangjian.access.models import User
from dangjian.access.scoping import may_direct
from dangjian.core.permissions import Rule, register

from ..models import ResponsibilityList


def _own_or_directed(actor: User, rlist: ResponsibilityList) -> bool:
    """A leader keeps and records against their own list; the unit's clerk or secretary (or a
    county leader over it) any of the unit's. ``rlist`` may be unsaved (a list being created)."""
    own = rlist.person_id is not None and getattr(actor, "person_id", None) == rlist.person_id
    return own or may_direct(actor, rlist.organization)


ACTIONS = {
    # obj: an Organization (the pages' manage controls)
    "manage": Rule(may_direct,
                   lambda actor, org: f"您不能管理“{org}”的责任清单"),
    # obj: a ResponsibilityList
    "keep_list": Rule(_own_or_directed,
                      lambda actor, rlist: f"您不能管理“{rlist.organization}”的责任清单"),
    "record": Rule(_own_or_directed,
                   "只有责任人本人或本单位党务干事、书记可以记录履责情况"),
}

register("duties", ACTIONS)
