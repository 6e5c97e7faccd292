from dangjian.access.predicates import has_business_scope
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("oversight", "监督整改", order=40, items=(
    MenuItem("问题整改", "oversight:home", has_business_scope),
    MenuItem("问题台账", "oversight:finding_list", has_business_scope),
    MenuItem("监督工作提示单", "oversight:notice_list", has_business_scope),
    MenuItem("整改措施", "oversight:measure_list", has_business_scope),
    MenuItem("廉政风险点", "oversight:riskpoint_list", has_business_scope),
)))
