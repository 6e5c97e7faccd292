"""The orglife API: thin views over orglife.services, scoped by access.scoping."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.http.response import HttpResponseBase
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.parsers import FormParser, JSONParser, MultiPartParser
from dangjian.core.viewsets import ScopedViewSet, download_schema
from dangjian.orglife import selectors
from dangjian.orglife.filtersets import MeetingFilterSet
from dangjian.orglife.models import Meeting
from dangjian.orglife.services.attachments import meeting_attach
from dangjian.orglife.services.compliance import compliance_report
from dangjian.orglife.services.ledger_import import ledger_bytes, meeting_ledger_import
from dangjian.orglife.services.meetings import meeting_delete, meeting_record
from dangjian.orgs.models import Organization

from . import serializers as s


class MeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """组织生活会议: list, record, withdraw, attach sign-in sheets and photos, import a ledger."""

    serializer_class = s.MeetingSerializer
    base_queryset = Meeting.objects.select_related("organization", "lecturer").prefetch_related(
        "attendance", "attachments", "agenda__tags")
    filterset_class = MeetingFilterSet
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    @extend_schema(request=s.MeetingCreateSerializer, responses=s.MeetingSerializer)
    def create(self, request: Request) -> Response:
        data = self.validated(s.MeetingCreateSerializer)
        meeting = meeting_record(
            actor=actor_of(request), organization=data["organization"], kind=data["kind"],
            held_on=data["held_on"], topic=data["topic"],
            attendees=list(dict.fromkeys(data["attendees"])),
            absentees=[(a["person"], a["reason"]) for a in data["absentees"]],
            place=data["place"], chair=data["chair"], recorder=data["recorder"],
            minutes=data["minutes"], decisions=data["decisions"],
            agenda=[(a["title"], a["tags"]) for a in data["agenda"]],
            lecturer=data["lecturer"], lecturer_reach=data["lecturer_reach"])
        return Response(self._out(meeting), status=status.HTTP_201_CREATED)

    @extend_schema(request=s.MeetingWithdrawSerializer, responses={204: None})
    def destroy(self, request: Request, pk: str | None = None) -> Response:
        reason = self.validated(s.MeetingWithdrawSerializer)["reason"]
        meeting_delete(actor=actor_of(request), meeting=self.get_object(), reason=reason)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request={"multipart/form-data": s.MeetingAttachmentUploadSerializer},
                   responses=s.MeetingAttachmentSerializer)
    @action(detail=True, methods=["post"])
    def attachments(self, request: Request, pk: str | None = None) -> Response:
        body = self.validated(s.MeetingAttachmentUploadSerializer)
        attachment = meeting_attach(actor=actor_of(request), meeting=self.get_object(),
                                    upload=body["file"], kind=body["kind"])
        return Response(s.MeetingAttachmentSerializer(attachment).data,
                        status=status.HTTP_201_CREATED)

    @download_schema("attachment")
    @action(detail=True, methods=["get"], url_path=r"attachments/(?P<attachment>[^/.]+)/file")
    def attachment_file(self, request: Request, pk: str | None = None,
                        attachment: str | None = None) -> HttpResponseBase:
        """One sign-in sheet or photo of the meeting (checked against its SHA-256)."""
        return self.download(self.get_object().attachments.all(), attachment)

    @extend_schema(request={"multipart/form-data": s.MeetingLedgerUploadSerializer},
                   responses=s.MeetingSerializer(many=True))
    @action(detail=False, methods=["post"], url_path="import")
    def import_ledger(self, request: Request) -> Response:
        """A meeting ledger (.xlsx); any bad row refuses the whole file, listing every row."""
        upload = self.validated(s.MeetingLedgerUploadSerializer)["file"]
        meetings = meeting_ledger_import(
            actor=actor_of(request), data=ledger_bytes(upload, actor=actor_of(request)),
            organizations=restrict(Organization.objects.all(), request.user))
        fresh = self.get_queryset().filter(pk__in=[m.pk for m in meetings])
        return Response(s.MeetingSerializer(fresh, many=True).data,
                        status=status.HTTP_201_CREATED)

    def _out(self, meeting: Meeting) -> Any:
        return s.MeetingSerializer(self.get_queryset().get(pk=meeting.pk)).data


class OrglifeComplianceView(APIView):
    """三会一课 compliance of an organisation's subtree for a year, with structure checks."""

    @extend_schema(parameters=[OpenApiParameter("organization", int, required=True),
                               OpenApiParameter("year", int, required=True)],
                   responses={200: s.OrglifeComplianceReportSerializer,
                              404: OpenApiResponse(description="该组织不存在，或不在您的范围内")})
    def get(self, request: Request) -> Response:
        query = s.OrglifeComplianceQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data["year"]
        if year > timezone.localdate().year:
            raise ValidationError({"year": "年度不能晚于今年"})
        root = selectors.scoped_organization(request.user, query.validated_data["organization"])
        if root is None:
            raise Http404
        report = compliance_report(root=root, year=year)
        return Response(s.OrglifeComplianceReportSerializer(report).data)
