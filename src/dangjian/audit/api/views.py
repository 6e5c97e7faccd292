from django.db.models import QuerySet
from rest_framework import viewsets

from dangjian.access.permissions import role_required
from dangjian.access.roles import Role
from dangjian.audit.filtersets import AuditEventFilterSet
from dangjian.audit.models import AuditEvent

from .serializers import AuditEventSerializer


class AuditEventViewSet(viewsets.ReadOnlyModelViewSet):
    """The audit log, for the 审计管理员 only; there is no way to edit or delete an event."""

    serializer_class = AuditEventSerializer
    permission_classes = [role_required(Role.AUDIT_ADMIN)]
    filterset_class = AuditEventFilterSet

    def get_queryset(self) -> QuerySet[AuditEvent]:
        return AuditEvent.objects.select_related("refusal_window").order_by("-id")
