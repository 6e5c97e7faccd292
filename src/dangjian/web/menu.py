"""The site's own pages in the menu: home, base data and the 三员's administration pages."""

from dangjian.access.predicates import has_business_scope, has_role
from dangjian.access.roles import Role
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("desk", "工作台", order=10, items=(MenuItem("首页", "web:home", order=0),)))
register(MenuSection("basedata", "基础数据", order=70, items=(
    MenuItem("组织", "web:organizations", has_business_scope),
    MenuItem("人员", "web:persons", has_business_scope),
)))
register(MenuSection("admin", "系统管理", order=80, items=(
    MenuItem("账户", "access:user_list", has_role(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN)),
    MenuItem("审计日志", "web:audit", has_role(Role.AUDIT_ADMIN)),
    MenuItem("登录锁定", "web:lockouts", has_role(Role.SECURITY_ADMIN)),
)))
