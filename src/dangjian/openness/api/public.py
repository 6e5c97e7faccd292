"""The public API of the portal, without sign-in: only disclosures published to society, and
feedback on them, rate-limited per source address. Anything else answers 404."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.audit.addresses import client_ip

from ..models import Feedback
from ..selectors import portal_search, public_disclosures
from ..services.feedback import TooMany, feedback_leave
from . import serializers as s


class PublicDisclosureViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                              viewsets.GenericViewSet):
    """已公开、向社会公开的事项: by organisation and domain, searchable (``q``)."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    serializer_class = s.PublicDisclosureSerializer

    def get_queryset(self) -> Any:
        if self.action != "list":
            return public_disclosures().select_related("organization").prefetch_related(
                "attachments")
        query = self.request.query_params
        return portal_search(q=query.get("q", "").strip()[:50],
                             organization=query.get("organization", ""),
                             domain=query.get("domain", "")).prefetch_related("attachments")

    @extend_schema(request=s.PublicFeedbackInSerializer,
                   responses={201: s.PublicFeedbackOutSerializer})
    @action(detail=True, methods=["post"])
    def feedback(self, request: Request, pk: str | None = None) -> Response:
        """Leave a message (text, optional contact kept encrypted); 429 when one address sends
        too many."""
        data = s.PublicFeedbackInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        disclosure = self.get_object()  # 404 for anything the portal does not show
        try:
            made = feedback_leave(disclosure_id=disclosure.pk, ip=client_ip(request),
                                  **data.validated_data)
        except TooMany as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_429_TOO_MANY_REQUESTS)
        except Feedback.DoesNotExist:
            return Response({"detail": "不存在"}, status=status.HTTP_404_NOT_FOUND)
        return Response(s.PublicFeedbackOutSerializer(made).data, status=status.HTTP_201_CREATED)
