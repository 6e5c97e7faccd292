"""The 工作台 (landing page) for each role: what waits, the latest unread notices, shortcuts,
and for the 三员 the counts of their own duty (accounts, lockouts, the audit log)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone

from dangjian.access import lockout
from dangjian.access.models import User
from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.audit.filtersets import AuditEventFilterSet
from dangjian.audit.models import AuditEvent
from dangjian.core.workbench import Gathered, Todo, filtered_count, gather
from dangjian.notifications.models import Notification

from .my_year import my_year

LATEST_NOTICES = 5


@dataclass(frozen=True)
class Shortcut:
    label: str
    url_name: str


# What each role starts most often; a user with several roles sees each shortcut once.
SHORTCUTS: dict[str, tuple[Shortcut, ...]] = {
    Role.COUNTY_LEADER: (Shortcut("整改措施", "oversight:measure_list"),
                         Shortcut("督查督办", "tasks:home"),
                         Shortcut("主体责任", "duties:home")),
    Role.VICE_HEAD: (Shortcut("监督工作提示单", "oversight:notice_list"),
                     Shortcut("整改措施", "oversight:measure_list"),
                     Shortcut("主体责任", "duties:home")),
    Role.INSPECTOR: (Shortcut("登记问题", "oversight:finding-new"),
                     Shortcut("起草提示单", "oversight:notice-new"),
                     Shortcut("问题台账", "oversight:finding_list")),
    Role.UNIT_SECRETARY: (Shortcut("主体责任", "duties:home"),
                          Shortcut("整改措施", "oversight:measure_list"),
                          Shortcut("组织生活", "orglife:home")),
    Role.UNIT_CLERK: (Shortcut("报送进展", "oversight:measure_list"),
                      Shortcut("督查任务", "tasks:home"),
                      Shortcut("组织生活", "orglife:home")),
    Role.MEMBER: (Shortcut("站内信", "notifications:inbox"),),
    Role.SECURITY_ADMIN: (Shortcut("登录锁定", "web:lockouts"),),
    Role.AUDIT_ADMIN: (Shortcut("审计日志", "web:audit"),),
}


@dataclass(frozen=True)
class Stat:
    """One count of a 三员 duty; ``url`` is the page listing exactly those rows, if any."""

    label: str
    count: int
    url: str = ""


def shortcuts_for(roles: set[str]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for role in Role.values:
        for shortcut in SHORTCUTS.get(role, ()) if role in roles else ():
            seen.setdefault(shortcut.label, {"label": shortcut.label,
                                             "url": reverse(shortcut.url_name)})
    return list(seen.values())


def accounts_stats(user: User) -> list[Stat]:
    """系统管理员: the accounts and their grants; the first two link the 账户 list filtered."""
    active = User.objects.filter(is_active=True)
    accounts = reverse("access:user_list")
    return [
        Stat("启用的账号", active.count(), f"{accounts}?is_active=true"),
        Stat("已停用的账号", User.objects.filter(is_active=False).count(),
             f"{accounts}?is_active=false"),
        Stat("尚未授予角色的启用账号", active.filter(grants__isnull=True).count()),
        Stat("须修改密码的启用账号", active.filter(must_change_password=True).count()),
    ]


def lockout_stats(user: User) -> list[Stat]:
    """安全管理员: the login locks in force."""
    return [Stat("当前被锁定的用户名或地址", len(lockout.current_locks()), reverse("web:lockouts"))]


def audit_stats(user: User) -> list[Stat]:
    """审计管理员: today's failed logins and refusals, each the audit log filtered to them."""
    today = timezone.localdate().isoformat()
    events = AuditEvent.objects.all()
    stats = []
    for label, params in (("今日登录失败", {"action": "login_failed", "day": today}),
                          ("今日失败或被拒绝的事件", {"success": "false", "day": today})):
        count, url = filtered_count(AuditEventFilterSet, events, params, url_name="web:audit",
                                    user=user)
        stats.append(Stat(label, count, url))
    return stats


ADMIN_PANELS: tuple[tuple[str, str, Callable[[User], list[Stat]]], ...] = (
    (Role.SYSTEM_ADMIN, "账号与授权", accounts_stats),
    (Role.SECURITY_ADMIN, "登录安全", lockout_stats),
    (Role.AUDIT_ADMIN, "审计", audit_stats),
)


def todo_columns(todos: list[Todo]) -> list[dict[str, Any]]:
    """The to-dos by kind, in ``Kind.ORDER`` (unknown kinds last), each with its total."""
    columns: dict[str, list[Todo]] = {}
    for todo in todos:  # already in kind order
        columns.setdefault(todo.kind, []).append(todo)
    return [{"kind": kind, "todos": items, "total": sum(t.count for t in items)}
            for kind, items in columns.items()]


def workbench(user: User) -> dict[str, Any]:
    roles = roles_of(user)
    gathered: Gathered = gather(user)
    unread = Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True)
    return {
        "roles": [role for role in Role.values if role in roles],
        "columns": todo_columns(gathered.todos),
        "failed": gathered.failed,
        "notices": list(unread[:LATEST_NOTICES]),
        "unread_count": unread.count(),
        "shortcuts": shortcuts_for(roles),
        "my_year": my_year(user),
        "panels": [{"title": title, "stats": stats(user)}
                   for role, title, stats in ADMIN_PANELS if role in roles],
    }

