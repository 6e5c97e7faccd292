"""The audit log's pages (审计日志): the list on the register kernel and one event's detail,
for the 审计管理员 only. Read-only: there is no page that changes an event."""

import json
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseBase

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.core.detail import RecordDetailView
from dangjian.core.lists import RegisterListView

from .filtersets import AuditEventFilterSet
from .labels import action_label
from .models import AuditEvent
from .tables import AuditEventTable


class AuditAdminOnly:
    """Only the 审计管理员 reads the log (等保 三员分立); anyone else gets 403."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if request.user.is_authenticated and Role.AUDIT_ADMIN not in roles_of(request.user):
            raise PermissionDenied("仅审计管理员可以查看审计日志")
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


def events() -> QuerySet[AuditEvent]:
    return AuditEvent.objects.select_related("refusal_window").order_by("-id")


class AuditEventList(AuditAdminOnly, RegisterListView):
    template_name = "audit/list.html"
    model = AuditEvent
    filterset_class = AuditEventFilterSet
    table_class = AuditEventTable
    title = "审计日志"
    export_name = "审计日志"
    status_field = None
    organization_filters = ()

    def rows(self) -> QuerySet[AuditEvent]:
        return events()


def readable(value: Any) -> list[tuple[str, str]]:
    """An event's before/after as (key, value) lines; nested values as indented JSON."""
    if value in (None, "", {}):
        return []
    if not isinstance(value, dict):
        return [("", _text(value))]
    return [(str(key), _text(item)) for key, item in value.items()]


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value or "—"
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None:
        return "—"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, indent=2)
    return str(value)


class AuditEventDetail(AuditAdminOnly, RecordDetailView):
    template_name = "audit/detail.html"
    model = AuditEvent
    fields = ("created_at", "username", "ip", "success", "object_type", "object_id",
              "object_repr", "prev_hash", "hash")
    list_url = "audit:auditevent_list"

    def get_queryset(self) -> QuerySet[AuditEvent]:
        return events()

    def history_records(self) -> list[Any]:
        return []  # an event is itself the record of a step

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        event: AuditEvent = self.object
        context = super().get_context_data(**kwargs)
        context["rows"].insert(1, ("事件类型", action_label(event.action)))
        window = getattr(event, "refusal_window", None)
        if window is not None:
            context["rows"].append(("该分钟内拒绝次数", str(window.count)))
        context.update(title=f"{action_label(event.action)} #{event.pk}",
                       before=readable(event.before), after=readable(event.after))
        return context
