"""The duties API: thin views over duties.services, scoped by access.scoping."""

from functools import cache
from typing import Any

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.core.files.checks import DOCX, attachment
from dangjian.core.parsers import FormParser, JSONParser, MultiPartParser
from dangjian.core.viewsets import ScopedViewSet, download_schema
from dangjian.duties.documents import report_docx
from dangjian.duties.filtersets import ResponsibilityItemFilterSet, ResponsibilityListFilterSet
from dangjian.duties.models import Fulfilment, ResponsibilityItem, ResponsibilityList
from dangjian.duties.selectors import list_view
from dangjian.duties.services import fulfilments as fulfilment_services
from dangjian.duties.services import items as item_services
from dangjian.duties.services import lists as list_services

from . import serializers as s


class ResponsibilityListViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                                ScopedViewSet):
    """责任清单: a body's or a leader's, per year; the detail carries each item's progress."""

    base_queryset = ResponsibilityList.objects.select_related("organization", "person")
    filterset_class = ResponsibilityListFilterSet

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return s.ResponsibilityListDetailSerializer
        return s.ResponsibilityListSerializer

    def get_serializer_context(self) -> dict[str, Any]:
        user = self.request.user
        return {**super().get_serializer_context(),
                "view_of": cache(lambda rlist: list_view(rlist, user))}

    @extend_schema(request=s.ListCreateSerializer,
                   responses={201: s.ResponsibilityListDetailSerializer})
    def create(self, request: Request) -> Response:
        v = self.validated(s.ListCreateSerializer)
        rlist = list_services.responsibility_list_create(
            actor=request.user, year=v["year"], person=v["person"],
            organization=v["organization"])
        body = s.ResponsibilityListDetailSerializer(rlist, context=self.get_serializer_context())
        return Response(body.data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={(200, DOCX): bytes})
    @action(detail=True, methods=["get"], url_path="report.docx")
    def report(self, request: Request, pk: str | None = None) -> HttpResponse:
        """The year-end report (述责述廉 / 书面报告 draft) as a GB/T 9704 Word file."""
        rlist = self.get_object()
        return attachment(report_docx(rlist, request.user), DOCX, f"{rlist.title}年度报告.docx")


class ResponsibilityItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                                ScopedViewSet):
    """责任事项: template items of a list, and local ones added to it."""

    serializer_class = s.ResponsibilityItemSerializer
    base_queryset = ResponsibilityItem.objects.select_related("list")
    filterset_class = ResponsibilityItemFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(request=s.ItemCreateSerializer, responses={201: s.ResponsibilityItemSerializer})
    def create(self, request: Request) -> Response:
        v = self.validated(s.ItemCreateSerializer)
        item = item_services.item_add(actor=request.user, rlist=v.pop("list"), **v)
        return Response(s.ResponsibilityItemSerializer(item).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ItemUpdateSerializer, responses=s.ResponsibilityItemSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        changes = self.validated(s.ItemUpdateSerializer, partial=True)
        item = item_services.item_update(actor=request.user, item=self.get_object(), **changes)
        return Response(s.ResponsibilityItemSerializer(item).data)


class FulfilmentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """履责记实 with their evidence files."""

    serializer_class = s.FulfilmentSerializer
    base_queryset = Fulfilment.objects.select_related("recorded_by").prefetch_related("evidence")
    filterset_fields = ["item", "item__list"]
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    @extend_schema(request={"multipart/form-data": s.FulfilmentCreateSerializer,
                            "application/json": s.FulfilmentCreateSerializer},
                   responses={201: s.FulfilmentSerializer})
    def create(self, request: Request) -> Response:
        v = self.validated(s.FulfilmentCreateSerializer)
        record = fulfilment_services.fulfilment_record(
            actor=request.user, item=v["item"],
            done_on=v["done_on"], description=v["description"], files=v["files"])
        fresh = self.base_queryset.get(pk=record.pk)
        return Response(s.FulfilmentSerializer(fresh).data, status=status.HTTP_201_CREATED)

    @download_schema("evidence")
    @action(detail=True, methods=["get"], url_path=r"evidence/(?P<evidence>[^/.]+)/file")
    def evidence_file(self, request: Request, pk: str | None = None,
                      evidence: str | None = None) -> HttpResponseBase:
        """One evidence file of the record (checked against its SHA-256)."""
        return self.download(self.get_object().evidence.all(), evidence)
