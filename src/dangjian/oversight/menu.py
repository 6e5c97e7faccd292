from dangjian.access.predicates import has_business_scope
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("oversight", "监督整改", order=40, items=(
    MenuItem("问题整改", "oversight:home", has_business_scope),
)))
