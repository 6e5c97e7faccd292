from dangjian.access.predicates import has_business_scope, has_role
from dangjian.access.roles import Role
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("orglife", "组织生活", order=50, items=(
    MenuItem("组织生活概览", "orglife:home", has_business_scope),
    MenuItem("会议记录", "orglife:meeting_list", has_business_scope),
    MenuItem("“三会一课”落实情况", "orglife:compliance", has_business_scope),
    MenuItem("谈心谈话", "orglife:hearttalk_list", has_business_scope),
    MenuItem("谈心谈话覆盖情况", "orglife:talk-coverage", has_business_scope),
    MenuItem("民主生活会", "orglife:lifemeeting_list", has_business_scope),
)))
# The county's 议题标签, kept by the 系统管理员 (a setting, not business data).
register(MenuSection("admin", "系统管理", order=80, items=(
    MenuItem("议题标签", "orglife:tag_list", has_role(Role.SYSTEM_ADMIN), order=60),
)))
