from typing import Any

from dangjian.access.predicates import has_role
from dangjian.access.roles import Role
from dangjian.access.scoping import restrict
from dangjian.core.menu import MenuItem, MenuSection, register
from dangjian.orgs.models import Organization, OrgKind


def sees_villages(user: Any) -> bool:
    """Whose scope holds a village: the county's roles, a township's or a village's clerk, a
    leader through his 包联 links; not a department's clerk nor a member."""
    return restrict(Organization.objects.filter(kind=OrgKind.VILLAGE), user).exists()


register(MenuSection("villages", "村集体经济", order=65, items=(
    MenuItem("全县村集体经济", "villages:summary", sees_villages),
    MenuItem("集体经济收入", "villages:income_list", sees_villages),
    MenuItem("乡镇审核", "villages:income_list", sees_villages,
             query=(("status", "村已报"),)),
    MenuItem("包联关系", "villages:link_list", sees_villages),
    MenuItem("创建活动", "villages:campaign_list", sees_villages),
    MenuItem("我的包联村", "villages:my-links", has_role(Role.COUNTY_LEADER, Role.VICE_HEAD)),
)))
