"""Accounts and their role grants as tables (账户, 角色授权)."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from dangjian.core.lists import RegisterTable

from .models import RoleGrant, User


def roles_text(user: User) -> str:
    """The account's grants, one role once, each with its organisations: the list's 角色."""
    by_role: dict[str, list[str]] = {}
    for grant in user.grants.all():  # prefetched by the list
        names = by_role.setdefault(grant.role, [])
        if grant.organization is not None:
            names.append(grant.organization.name)
    return "；".join(f"{role}（{'、'.join(names)}）" if names else role
                    for role, names in sorted(by_role.items()))


class UserTable(RegisterTable):
    username = tables.Column(verbose_name="用户名", linkify=lambda record: reverse(
        "access:user_detail", args=[record.pk]))
    display_name = tables.Column(verbose_name="显示名称")
    person = tables.Column(verbose_name="对应人员", order_by="person__name")
    roles = tables.Column(verbose_name="角色", empty_values=(), orderable=False)
    is_active = tables.BooleanColumn(verbose_name="状态", yesno="有效,已停用")
    last_login = tables.DateTimeColumn(verbose_name="最近登录", format="Y-m-d H:i")

    class Meta(RegisterTable.Meta):
        model = User
        fields = ("username", "display_name", "person", "roles", "is_active", "last_login")
        empty_text = "没有符合条件的账户"
        row_attrs: dict[str, Any] = {"data-testid": lambda record: f"user-{record.pk}"}

    def render_roles(self, record: User) -> str:
        return roles_text(record) or "—"


class GrantTable(RegisterTable):
    role = tables.Column(verbose_name="角色")
    organization = tables.Column(verbose_name="范围组织")
    granted_at = tables.DateTimeColumn(verbose_name="授予时间", format="Y-m-d H:i")
    revoke = tables.Column(verbose_name="操作", empty_values=(), orderable=False)

    class Meta(RegisterTable.Meta):
        model = RoleGrant
        fields = ("role", "organization", "granted_at", "revoke")
        empty_text = "该账户尚未授予任何角色"
        row_attrs: dict[str, Any] = {"data-testid": lambda record: f"grant-{record.pk}"}

    def render_revoke(self, record: RoleGrant) -> str:
        return format_html('<a href="{}">撤销</a>',
                           reverse("access:grant-revoke", args=[record.pk]))
