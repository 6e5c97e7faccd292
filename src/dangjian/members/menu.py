from dangjian.access.predicates import has_business_scope
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("members", "党员发展", order=60, items=(
    MenuItem("发展党员概览", "members:candidates", has_business_scope),
    MenuItem("发展党员档案", "members:candidate_list", has_business_scope),
    MenuItem("学习培训", "members:study", has_business_scope),
    MenuItem("学习培训记录", "members:studyrecord_list", has_business_scope),
    MenuItem("走访慰问", "members:visits", has_business_scope),
    MenuItem("走访慰问台账", "members:visit_list", has_business_scope),
    MenuItem("走访慰问覆盖", "members:visit-coverage", has_business_scope),
    MenuItem("党员队伍结构", "members:structure", has_business_scope),
)))
