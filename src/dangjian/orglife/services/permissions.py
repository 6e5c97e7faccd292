"""Who may write organisational-life records (组织生活), decided once here."""

from dangjian.access.scoping import may_enter_data
from dangjian.core.permissions import Rule, register

ACTIONS = {
    # obj: the Organization; meetings are entered by the clerk or secretary covering it
    "enter": Rule(may_enter_data,
                  lambda actor, org: f"您没有为“{org.name}”登记组织生活的权限"),
}

register("orglife", ACTIONS)
