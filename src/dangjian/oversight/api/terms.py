"""可配置选项 over the API: every signed-in user reads the lists (forms offer their active
entries); the 系统管理员 adds, renames, reorders and (de)activates entries. No delete."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.permissions import require
from dangjian.oversight.models import Term, TermKind
from dangjian.oversight.services import terms as term_services


class ConfigurableTermSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Term
        fields = ["id", "kind", "kind_display", "name", "order", "active"]
        read_only_fields = fields


class ConfigurableTermCreateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=TermKind.choices)
    name = serializers.CharField(max_length=200)
    order = serializers.IntegerField(required=False, min_value=0, max_value=term_services.ORDER_MAX)


class ConfigurableTermUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False)
    order = serializers.IntegerField(required=False, min_value=0, max_value=term_services.ORDER_MAX)
    active = serializers.BooleanField(required=False)


class TermViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """问题来源、问题类别、严重程度、风险领域: the county's configurable lists."""

    http_method_names = ["get", "post", "patch", "head", "options"]
    serializer_class = ConfigurableTermSerializer
    queryset = Term.objects.order_by("kind", "order", "id")
    filterset_fields = ["kind", "active"]

    @extend_schema(request=ConfigurableTermCreateSerializer,
                   responses={201: ConfigurableTermSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Add an entry: the 系统管理员 only."""
        require(actor_of(request), "oversight.configure")  # refused before the body is read
        data = ConfigurableTermCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        term = term_services.term_add(actor=actor_of(request), **data.validated_data)
        return Response(self.get_serializer(term).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ConfigurableTermUpdateSerializer,
                   responses=ConfigurableTermSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Rename, reorder, deactivate or reactivate an entry: the 系统管理员 only."""
        term = self.get_object()
        data = ConfigurableTermUpdateSerializer(data=request.data, partial=True)
        data.is_valid(raise_exception=True)
        term = term_services.term_update(actor=actor_of(request), term=term,
                                         **data.validated_data)
        return Response(self.get_serializer(term).data)
