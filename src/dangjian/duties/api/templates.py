"""The API of the county's responsibility-list template (责任清单模板): its versions, read, and
a new version imported from a workbook (``duties.services.templates``)."""

from typing import Any

from django.db.models import Count
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.parsers import FormParser, MultiPartParser
from dangjian.core.viewsets import ScopedViewSet
from dangjian.duties.models import ResponsibilityTemplate, ResponsibilityTemplateItem
from dangjian.duties.services import templates as template_services


class ResponsibilityTemplateItemOutSerializer(serializers.ModelSerializer):
    class Meta:
        model = ResponsibilityTemplateItem
        fields = ["key", "holder", "category", "text", "period", "times", "evidence_hint",
                  "provider", "rule_key", "citation", "order"]
        read_only_fields = fields


class ResponsibilityTemplateOutSerializer(serializers.ModelSerializer):
    organization_name = serializers.CharField(source="organization.name", read_only=True)
    item_count = serializers.IntegerField(read_only=True)
    created_by_name = serializers.CharField(source="created_by.username", read_only=True)

    class Meta:
        model = ResponsibilityTemplate
        fields = ["id", "organization", "organization_name", "version", "title", "source_name",
                  "active", "item_count", "created_by_name", "created_at"]
        read_only_fields = fields


class ResponsibilityTemplateDetailSerializer(ResponsibilityTemplateOutSerializer):
    items = ResponsibilityTemplateItemOutSerializer(many=True, read_only=True)

    class Meta(ResponsibilityTemplateOutSerializer.Meta):
        fields = [*ResponsibilityTemplateOutSerializer.Meta.fields, "items"]
        read_only_fields = fields


class ResponsibilityTemplateUploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    title = serializers.CharField(max_length=200, required=False, allow_blank=True)
    version = serializers.IntegerField(
        required=False, min_value=0, max_value=100000,
        help_text="导入前看到的启用版本（内置模板为0）：已有他人先导入新版本时拒绝（409）")


class TemplateRowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(allow_null=True, help_text="第几条（表头下第1行为1）；空：全表")
    column = serializers.CharField()
    message = serializers.CharField()


class TemplateRefusedSerializer(serializers.Serializer):
    detail = serializers.CharField()
    errors = TemplateRowErrorSerializer(many=True)  # type: ignore[assignment]


class ResponsibilityTemplateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                                    ScopedViewSet):
    """责任清单模板: the county's imported versions, the active one first; without any, lists
    are generated from the built-in template."""

    base_queryset = (ResponsibilityTemplate.objects.select_related("organization", "created_by")
                     .annotate(item_count=Count("items"))
                     .order_by("organization__path", "-version"))

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return ResponsibilityTemplateDetailSerializer
        return ResponsibilityTemplateOutSerializer

    def get_parsers(self) -> list[Any]:
        if getattr(self, "action", None) == "import_template":
            return [MultiPartParser(), FormParser()]
        return super().get_parsers()

    @extend_schema(request={"multipart/form-data": ResponsibilityTemplateUploadSerializer},
                   responses={201: ResponsibilityTemplateDetailSerializer,
                              400: TemplateRefusedSerializer})
    @action(detail=False, methods=["post"], url_path="import")
    def import_template(self, request: Request) -> Response:
        """Import a workbook as the county's new active version: every bad row named (row,
        column, message) and nothing imported when any is bad."""
        actor = actor_of(request)
        county = template_services.importable_county(actor)
        if county is None:
            raise PermissionDenied("只有县委组织部（党建办）考核管理员或县委党务干事、书记可以导入"
                                   "本县责任清单模板")
        body = self.validated(ResponsibilityTemplateUploadSerializer)
        upload = body["file"]
        try:
            template = template_services.template_import(
                actor=actor, county=county, source_name=upload.name or "",
                data=template_services.template_bytes(upload, actor=actor),
                title=body.get("title", ""), seen_version=body.get("version"))
        except template_services.TemplateRefused as refused:
            return Response({
                "detail": f"模板有{len(refused.errors)}处错误，全部未导入",
                "errors": [{"row": e.row, "column": e.column, "message": e.message}
                           for e in refused.errors]}, status=status.HTTP_400_BAD_REQUEST)
        fresh = self.base_queryset.get(pk=template.pk)
        return Response(ResponsibilityTemplateDetailSerializer(fresh).data,
                        status=status.HTTP_201_CREATED)
