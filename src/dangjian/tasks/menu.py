from dangjian.access.predicates import has_business_scope
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("tasks", "督查督办", order=30, items=(
    MenuItem("督办概览", "tasks:home", has_business_scope),
    MenuItem("督办任务", "tasks:task_list", has_business_scope),
    MenuItem("工作部署", "tasks:plan_list", has_business_scope),
    MenuItem("督查通报", "tasks:bulletin_list", has_business_scope),
)))
