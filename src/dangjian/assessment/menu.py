from dangjian.access.predicates import has_role
from dangjian.access.roles import Role
from dangjian.core.menu import MenuItem, MenuSection, register

# 党建考核: the assessors who keep it, the leaders and inspectors who read it, the units scored.
readers = has_role(Role.ASSESSOR, Role.COUNTY_LEADER, Role.VICE_HEAD, Role.INSPECTOR,
                   Role.UNIT_SECRETARY, Role.UNIT_CLERK)

register(MenuSection("assessment", "党建考核", order=55, items=(
    MenuItem("考核总览", "assessment:home", readers),
    MenuItem("考核方案", "assessment:scheme_list", readers),
    MenuItem("考核得分", "assessment:score_list", readers),
    MenuItem("考核复核", "assessment:appeal_list", readers),
)))
