from dangjian.access.predicates import has_business_scope
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("duties", "主体责任", order=20, items=(
    MenuItem("主体责任", "duties:home", has_business_scope),
    MenuItem("责任清单", "duties:responsibilitylist_list", has_business_scope),
    MenuItem("责任事项", "duties:responsibilityitem_list", has_business_scope),
)))
