from typing import Any

from dangjian.access.predicates import has_role
from dangjian.access.roles import Role
from dangjian.access.scoping import reaches
from dangjian.core.menu import MenuItem, MenuSection, register

from .models import Disclosure


def _covers_openness(user: Any) -> bool:
    """Units' business: not the 三员, and not a plain member (whose reach is his own records)."""
    return reaches(user, Disclosure)


register(MenuSection("openness", "党务政务公开", order=62, items=(
    MenuItem("公开工作概览", "openness:home", _covers_openness),
    MenuItem("公开目录", "openness:catalogue_list", _covers_openness),
    MenuItem("公开事项", "openness:disclosure_list", _covers_openness),
    MenuItem("生成公示草稿", "openness:disclosure-prepare",
             has_role(Role.UNIT_CLERK, Role.UNIT_SECRETARY)),
    MenuItem("保密审查", "openness:disclosure_list", _covers_openness,
             query=(("status", "审核"),)),
    MenuItem("待审批", "openness:disclosure_list", _covers_openness,
             query=(("status", "审批"),)),
    MenuItem("群众留言", "openness:feedback_list", _covers_openness),
    MenuItem("依申请公开", "openness:request_list", _covers_openness),
    MenuItem("公开网站", "gongkai:list", _covers_openness),
)))
