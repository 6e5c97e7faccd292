from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.notifications import services
from dangjian.notifications.filtersets import InboxFilterSet
from dangjian.notifications.models import Notification

from .serializers import NotificationSerializer


class InboxViewSet(viewsets.ReadOnlyModelViewSet):
    """站内信: the signed-in user's own notices, newest first; ``?unread=true`` for the unread."""

    serializer_class = NotificationSerializer
    filterset_class = InboxFilterSet

    def get_queryset(self) -> QuerySet[Notification]:
        # An inbox is personal, not organisational: no role sees another user's notices, so
        # the recipient alone decides (others' ids answer 404) rather than access.scoping.
        return Notification.objects.filter(recipient_id=self.request.user.pk)

    @extend_schema(request=None, responses=NotificationSerializer)
    @action(detail=True, methods=["post"])
    def read(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        notification = services.mark_read(actor=request.user, notification=self.get_object())
        return Response(NotificationSerializer(notification).data)
