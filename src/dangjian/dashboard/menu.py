from dangjian.access.predicates import has_role
from dangjian.core.menu import MenuItem, MenuSection, register

from .cockpit import COCKPIT_ROLES

register(MenuSection("desk", "工作台", order=10, items=(
    MenuItem("领导驾驶舱", "dashboard:cockpit", has_role(*COCKPIT_ROLES), order=5),
)))
