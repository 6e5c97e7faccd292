from dangjian.access.predicates import has_business_scope
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("orglife", "组织生活", order=50, items=(
    MenuItem("组织生活概览", "orglife:home", has_business_scope),
    MenuItem("会议记录", "orglife:meeting_list", has_business_scope),
    MenuItem("“三会一课”落实情况", "orglife:compliance", has_business_scope),
    MenuItem("谈心谈话", "orglife:hearttalk_list", has_business_scope),
    MenuItem("谈心谈话覆盖情况", "orglife:talk-coverage", has_business_scope),
    MenuItem("民主生活会", "orglife:lifemeeting_list", has_business_scope),
)))
