from dangjian.access.predicates import has_business_scope, has_role
from dangjian.access.roles import Role
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("villages", "村集体经济", order=65, items=(
    MenuItem("全县村集体经济", "villages:summary", has_business_scope),
    MenuItem("集体经济收入", "villages:income_list", has_business_scope),
    MenuItem("乡镇审核", "villages:income_list", has_business_scope,
             query=(("status", "村已报"),)),
    MenuItem("包联关系", "villages:link_list", has_business_scope),
    MenuItem("我的包联村", "villages:my-links", has_role(Role.COUNTY_LEADER, Role.VICE_HEAD)),
)))
