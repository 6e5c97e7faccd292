"""议题标签 over the API: every signed-in user reads them (the meeting form offers the active
ones); the 系统管理员 adds, renames, reorders and (de)activates them. No delete; keys fixed."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.permissions import require
from dangjian.orglife.models import AgendaTag
from dangjian.orglife.services import tags as tag_services


class AgendaTagEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaTag
        fields = ["id", "key", "name", "order", "active"]
        read_only_fields = fields


class AgendaTagCreateSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=200)
    name = serializers.CharField(max_length=200)
    order = serializers.IntegerField(required=False, min_value=0, max_value=tag_services.ORDER_MAX)


class AgendaTagUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    order = serializers.IntegerField(required=False, min_value=0, max_value=tag_services.ORDER_MAX)
    active = serializers.BooleanField(required=False)


class AgendaTagViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                       viewsets.GenericViewSet):
    """议题标签 of a 党组会议's agenda items."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    serializer_class = AgendaTagEntrySerializer
    queryset = AgendaTag.objects.order_by("order", "id")
    filterset_fields = ["active"]

    @extend_schema(request=AgendaTagCreateSerializer, responses={201: AgendaTagEntrySerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Add a tag: the 系统管理员 only."""
        require(actor_of(request), "orglife.configure")  # refused before the body is read
        data = AgendaTagCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        tag = tag_services.tag_add(actor=actor_of(request), **data.validated_data)
        return Response(self.get_serializer(tag).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=AgendaTagUpdateSerializer, responses=AgendaTagEntrySerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Rename, reorder, deactivate or reactivate a tag (its key is fixed): the 系统管理员
        only."""
        tag = self.get_object()
        data = AgendaTagUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        tag = tag_services.tag_update(actor=actor_of(request), tag=tag, **data.validated_data)
        return Response(self.get_serializer(tag).data)
