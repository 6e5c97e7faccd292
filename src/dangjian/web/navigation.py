"""The menu a user sees follows their roles: the 三员 see no business pages."""

from typing import Any

from django.http import HttpRequest

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of, scope_for

BUSINESS_PAGES = [
    {"url": "duties:home", "label": "主体责任"},
    {"url": "tasks:home", "label": "督查督办"},
    {"url": "oversight:home", "label": "监督整改"},
    {"url": "orglife:home", "label": "组织生活"},
    {"url": "members:candidates", "label": "发展党员"},
    {"url": "web:organizations", "label": "组织"},
    {"url": "web:persons", "label": "人员"},
]
AUDIT_PAGES = [{"url": "web:audit", "label": "审计日志"}]
SECURITY_PAGES = [{"url": "web:lockouts", "label": "登录锁定"}]


def nav_items(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"nav_items": []}
    items = [{"url": "web:home", "label": "首页"},
             {"url": "notifications:inbox", "label": "站内信"}]
    if not scope_for(user).is_empty:
        items += BUSINESS_PAGES
    if Role.AUDIT_ADMIN in roles_of(user):
        items += AUDIT_PAGES
    if Role.SECURITY_ADMIN in roles_of(user):
        items += SECURITY_PAGES
    return {"nav_items": items}
