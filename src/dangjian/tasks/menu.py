from dangjian.access.predicates import has_business_scope
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("tasks", "督查督办", order=30, items=(
    MenuItem("督办任务", "tasks:home", has_business_scope),
)))
