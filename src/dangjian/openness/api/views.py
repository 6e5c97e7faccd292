"""The openness API: thin views over openness.services, scoped by access.scoping."""

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.parsers import FormParser, JSONParser, MultiPartParser
from dangjian.core.permissions import require
from dangjian.core.viewsets import ScopedViewSet

from ..models import CatalogueItem, Disclosure, DisclosureRequest, Feedback
from ..services import catalogue as catalogue_services
from ..services import disclosures as disclosure_services
from ..services import feedback as feedback_services
from ..services import prepared as prepared_services
from ..services import requests as request_services
from . import serializers as s


class CatalogueViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                       mixins.CreateModelMixin, ScopedViewSet):
    """公开目录: per organisation, year and domain; edited and deactivated by the unit."""

    serializer_class = s.CatalogueItemSerializer
    base_queryset = CatalogueItem.objects.select_related("organization", "responsible")
    filterset_fields = ["organization", "year", "domain", "audience", "cadence", "active"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(request=s.CatalogueItemInSerializer, responses={201: s.CatalogueItemSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.CatalogueItemInSerializer)
        return self.created(catalogue_services.item_create(actor=actor_of(request), **data))

    @extend_schema(request=s.CatalogueItemUpdateSerializer, responses=s.CatalogueItemSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Edit a catalogue line: only the fields sent change."""
        item = self.get_object()
        require(actor_of(request), "openness.draft", item.organization)
        changes = self.validated(s.CatalogueItemUpdateSerializer, partial=True)
        done = catalogue_services.item_update(actor=actor_of(request), item=item, **changes)
        return Response(self.get_serializer(done).data)

    @extend_schema(request=None, responses=s.CatalogueItemSerializer)
    @action(detail=True, methods=["post"])
    def deactivate(self, request: Request, pk: str | None = None) -> Response:
        """停用: the line stays with its disclosures but takes no new ones."""
        item = self.get_object()
        done = catalogue_services.item_deactivate(actor=actor_of(request), item=item)
        return Response(self.get_serializer(done).data)


class DisclosureViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                        mixins.CreateModelMixin, ScopedViewSet):
    """公开事项: 提出 → 审核（保密审查） → 审批 → 已公开 → 已撤回."""

    serializer_class = s.DisclosureSerializer
    base_queryset = Disclosure.objects.select_related("organization").prefetch_related(
        "attachments")
    filterset_fields = ["organization", "status", "audience", "domain", "item"]
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(request=s.DisclosureInSerializer, responses={201: s.DisclosureSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.DisclosureInSerializer)
        made = disclosure_services.disclosure_create(actor=actor_of(request), **data)
        return self.created(self.base_queryset.get(pk=made.pk))

    @extend_schema(request=s.DisclosureEditSerializer, responses=s.DisclosureSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """The drafter edits a draft (a returned one too); never one past 拟稿."""
        changes = self.validated(s.DisclosureEditSerializer, partial=True)
        return self._act(disclosure_services.disclosure_edit, **changes)

    def _act(self, service: Any, **kwargs: Any) -> Response:
        done = service(actor=actor_of(self.request), disclosure=self.get_object(), **kwargs)
        return Response(self.get_serializer(self.base_queryset.get(pk=done.pk)).data)

    @extend_schema(request=s.PrepareSerializer, responses={201: s.DisclosureSerializer(many=True)})
    @action(detail=False, methods=["post"])
    def prepare(self, request: Request) -> Response:
        """Draft from the records held (减负): 发展党员公示, 组织生活会/民主评议, 巡察整改, public
        问责 decisions, village finances; once per record."""
        data = self.validated(s.PrepareSerializer)
        made = prepared_services.drafts_prepare(actor=actor_of(request), **data)
        rows = self.base_queryset.filter(pk__in=[d.pk for d in made])
        return Response(self.get_serializer(rows, many=True).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.DisclosureSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        """拟稿 → 审核: send the draft to 保密审查."""
        return self._act(disclosure_services.disclosure_submit)

    @extend_schema(request=s.DecisionSerializer, responses=s.DisclosureSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request: Request, pk: str | None = None) -> Response:
        """保密审查: accept (on to 审批) or return (with a reason); not by the drafter."""
        disclosure = self.get_object()
        require(actor_of(request), "openness.review", disclosure.organization)
        return self._act(disclosure_services.disclosure_review,
                         **self.validated(s.DecisionSerializer))

    @extend_schema(request=s.ApproveSerializer, responses=s.DisclosureSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str | None = None) -> Response:
        """审批 by the unit's secretary: accept or return (with a reason); not by the drafter.
        ``inside_first_waiver``: why a 向社会 item due first 党内 need not wait (第四条)."""
        disclosure = self.get_object()
        require(actor_of(request), "openness.approve", disclosure.organization)
        return self._act(disclosure_services.disclosure_approve,
                         **self.validated(s.ApproveSerializer))

    @extend_schema(request=s.PublishSerializer, responses=s.DisclosureSerializer)
    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        """实施: publish an approved disclosure."""
        return self._act(disclosure_services.disclosure_publish,
                         **self.validated(s.PublishSerializer))

    @extend_schema(request=s.DisclosureReasonSerializer, responses=s.DisclosureSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """撤回 a published disclosure with a reason; it stays in the record."""
        disclosure = self.get_object()
        require(actor_of(request), "openness.approve", disclosure.organization)
        return self._act(disclosure_services.disclosure_withdraw,
                         **self.validated(s.DisclosureReasonSerializer))

    @extend_schema(request={"multipart/form-data": s.UploadSerializer},
                   responses={201: s.AttachmentSerializer})
    @action(detail=True, methods=["post"])
    def attachments(self, request: Request, pk: str | None = None) -> Response:
        """Attach a file (a document, a photo of the 公开栏) to a draft."""
        disclosure = self.get_object()
        require(actor_of(request), "openness.draft", disclosure.organization)
        data = self.validated(s.UploadSerializer)
        made = disclosure_services.disclosure_attach(actor=actor_of(request),
                                                     disclosure=disclosure, upload=data["file"])
        return Response(s.AttachmentSerializer(made).data, status=status.HTTP_201_CREATED)


class FeedbackViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """群众留言 on the unit's disclosures; the unit answers."""

    serializer_class = s.FeedbackSerializer
    base_queryset = Feedback.objects.all()
    filterset_fields = ["disclosure"]

    @extend_schema(request=s.AnswerSerializer, responses=s.FeedbackSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request: Request, pk: str | None = None) -> Response:
        feedback = self.get_object()
        require(actor_of(request), "openness.draft", feedback.disclosure.organization)
        done = feedback_services.feedback_answer(actor=actor_of(request), feedback=feedback,
                                                 **self.validated(s.AnswerSerializer))
        return Response(self.get_serializer(done).data)


class DisclosureRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                               mixins.CreateModelMixin, ScopedViewSet):
    """依申请公开: due in 20 working days, one extension of at most 20."""

    serializer_class = s.DisclosureRequestSerializer
    base_queryset = DisclosureRequest.objects.all()
    filterset_fields = ["organization", "decision"]

    @extend_schema(request=s.DisclosureRequestInSerializer,
                   responses={201: s.DisclosureRequestSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.DisclosureRequestInSerializer)
        return self.created(request_services.request_register(actor=actor_of(request), **data))

    def _act(self, service: Any, serializer: Any) -> Response:
        found = self.get_object()
        require(actor_of(self.request), "openness.draft", found.organization)
        done = service(actor=actor_of(self.request), request=found, **self.validated(serializer))
        return Response(self.get_serializer(done).data)

    @extend_schema(request=s.ExtendSerializer, responses=s.DisclosureRequestSerializer)
    @action(detail=True, methods=["post"])
    def extend(self, request: Request, pk: str | None = None) -> Response:
        """延长答复期限 once, by at most 20 working days."""
        return self._act(request_services.request_extend, s.ExtendSerializer)

    @extend_schema(request=s.RequestDecideSerializer, responses=s.DisclosureRequestSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        """答复: record the decision type and date."""
        return self._act(request_services.request_decide, s.RequestDecideSerializer)
