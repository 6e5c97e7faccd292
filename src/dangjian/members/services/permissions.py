"""Who may write development, study and visit records, decided once here."""

from dangjian.access.scoping import may_enter_data
from dangjian.core.permissions import Rule, register

ACTIONS = {
    # obj: the Organization; the clerk or secretary of the unit it belongs to
    "enter": Rule(may_enter_data, "仅本单位的党务干事或书记可以录入"),
}

register("members", ACTIONS)
