from dangjian.access.predicates import has_business_scope, has_role
from dangjian.access.roles import Role
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("oversight", "监督整改", order=40, items=(
    MenuItem("问题整改", "oversight:home", has_business_scope),
    MenuItem("问题台账", "oversight:finding_list", has_business_scope),
    MenuItem("监督工作提示单", "oversight:notice_list", has_business_scope),
    MenuItem("整改措施", "oversight:measure_list", has_business_scope),
    MenuItem("举一反三自查", "oversight:selfcheck_list", has_business_scope),
    MenuItem("问责", "oversight:accountability_list", has_business_scope),
    MenuItem("廉政风险点", "oversight:riskpoint_list", has_business_scope),
    MenuItem("督导检查", "oversight:inspection_list", has_business_scope),
    MenuItem("专项整治", "oversight:campaign_list", has_business_scope),
)))
# The county's configurable lists, kept by the 系统管理员 (a setting, not business data).
register(MenuSection("admin", "系统管理", order=80, items=(
    MenuItem("问题台账选项", "oversight:term_list", has_role(Role.SYSTEM_ADMIN), order=65),
)))
