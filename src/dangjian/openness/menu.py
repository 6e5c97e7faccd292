from dangjian.access.predicates import has_business_scope
from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("openness", "党务政务公开", order=62, items=(
    MenuItem("公开工作概览", "openness:home", has_business_scope),
    MenuItem("公开目录", "openness:catalogue_list", has_business_scope),
    MenuItem("公开事项", "openness:disclosure_list", has_business_scope),
    MenuItem("保密审查", "openness:disclosure_list", has_business_scope,
             query=(("status", "审核"),)),
    MenuItem("待审批", "openness:disclosure_list", has_business_scope,
             query=(("status", "审批"),)),
    MenuItem("群众留言", "openness:feedback_list", has_business_scope),
    MenuItem("依申请公开", "openness:request_list", has_business_scope),
    MenuItem("公开网站", "gongkai:list", has_business_scope),
)))
