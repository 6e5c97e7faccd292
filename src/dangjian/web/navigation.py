"""The layout's context: the menu a user sees (by role: the 三员 see no business pages), the
current page's place in it, the user's scope in one line and the manual chapter to help with."""

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from dangjian.access.selectors import scope_summary
from dangjian.core.menu import active_section, breadcrumbs, menu_for

from .help import help_url


def scope_line(user: Any) -> str:
    """查看范围 in one line, e.g. "某县政府党组及下级、本人"."""
    summary = scope_summary(user)
    if not summary["business_data"]:
        return "不接触业务数据"
    parts = [f"{o['name']}及下级" for o in summary["subtrees"]]
    parts += [o["name"] for o in summary["organizations"]]
    if summary["own_person"] is not None:
        parts.append("本人")
    return "、".join(parts)


def layout(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    if not user.is_authenticated:
        return {"menu": []}
    menu = menu_for(user, request.path, request.GET.dict())
    section = active_section(menu)
    # Lazy: htmx fragments rendered with the request never read the scope.
    return {
        "menu": menu,
        "crumbs": breadcrumbs(menu),
        "scope_line": SimpleLazyObject(lambda: scope_line(user)),
        "help_url": help_url(user, section.key if section else ""),
    }
