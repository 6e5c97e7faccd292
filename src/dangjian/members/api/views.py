"""The members API: thin views over members.services, scoped by access.scoping."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dangjian.access.actor import actor_of
from dangjian.access.predicates import has_business_scope
from dangjian.core.parsers import FormParser, MultiPartParser
from dangjian.core.viewsets import ScopedViewSet
from dangjian.members import reports
from dangjian.members.filtersets import (
    CandidateFilterSet,
    StudyRecordFilterSet,
    VisitFilterSet,
)
from dangjian.members.models import Candidate, StudyRecord, Visit
from dangjian.members.services import candidates as candidate_services
from dangjian.members.services.roster import roster_bytes, roster_import
from dangjian.members.services.steps import step_record
from dangjian.members.services.study import study_record_create
from dangjian.members.services.visits import visit_create

from . import serializers as s


class CandidateViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """发展党员档案: open one, record its steps, extend the 预备期, or close it."""

    serializer_class = s.CandidateSerializer
    filterset_class = CandidateFilterSet
    base_queryset = Candidate.objects.select_related("person", "organization").prefetch_related(
        "steps")

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "today": timezone.localdate()}

    def _answer(self, candidate: Candidate, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=candidate.pk)
        return Response(s.CandidateSerializer(fresh, context=self.get_serializer_context()).data,
                        status=code)

    @extend_schema(request=s.CandidateCreateSerializer, responses={201: s.CandidateSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(s.CandidateCreateSerializer)
        candidate = candidate_services.candidate_open(actor=actor_of(request), **values)
        return self._answer(candidate, status.HTTP_201_CREATED)

    @extend_schema(request=s.CandidateStepCreateSerializer, responses={201: s.CandidateSerializer})
    @action(detail=True, methods=["post"])
    def steps(self, request: Request, pk: str | None = None) -> Response:
        """Record step ``step`` (1–25); a 400 names the rule and article it would break."""
        candidate = self.get_object()
        details = self.validated(s.CandidateStepCreateSerializer)
        for field in ("contacts", "introducers"):
            details.setdefault(field, [])
        step_record(actor=actor_of(request), candidate=candidate, number=details.pop("step"),
                    **details)
        return self._answer(candidate, status.HTTP_201_CREATED)

    @extend_schema(request=s.ProbationExtendSerializer, responses=s.CandidateSerializer)
    @action(detail=True, methods=["post"])
    def extend(self, request: Request, pk: str | None = None) -> Response:
        """延长预备期 (6–12 months, once)."""
        values = self.validated(s.ProbationExtendSerializer)
        candidate = candidate_services.probation_extend(
            actor=actor_of(request), candidate=self.get_object(), **values)
        return self._answer(candidate)

    @extend_schema(request=s.CandidateCloseSerializer, responses=s.CandidateSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        values = self.validated(s.CandidateCloseSerializer)
        candidate = candidate_services.candidate_close(
            actor=actor_of(request), candidate=self.get_object(), **values)
        return self._answer(candidate)


class StudyRecordViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """学习培训记录."""

    serializer_class = s.StudyRecordSerializer
    filterset_class = StudyRecordFilterSet
    base_queryset = StudyRecord.objects.select_related("person", "organization")

    @extend_schema(request=s.StudyRecordCreateSerializer, responses={201: s.StudyRecordSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(s.StudyRecordCreateSerializer)
        study = study_record_create(actor=actor_of(request), **values)
        return Response(s.StudyRecordSerializer(study).data, status=status.HTTP_201_CREATED)


class VisitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """走访慰问."""

    serializer_class = s.VisitSerializer
    filterset_class = VisitFilterSet
    base_queryset = Visit.objects.select_related("person", "organization").prefetch_related(
        "visitors")

    @extend_schema(request=s.VisitCreateSerializer, responses={201: s.VisitSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        values = self.validated(s.VisitCreateSerializer)
        values.setdefault("visitors", [])
        visit = visit_create(actor=actor_of(request), **values)
        return Response(s.VisitSerializer(visit).data, status=status.HTTP_201_CREATED)


class RosterImportView(APIView):
    """党员花名册导入 (.xlsx): any bad row refuses the whole file, listing every bad row."""

    parser_classes = [FormParser, MultiPartParser]

    @extend_schema(request={"multipart/form-data": s.RosterUploadSerializer},
                   responses={201: s.RosterImportedSerializer})
    def post(self, request: Request) -> Response:
        body = s.RosterUploadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        actor = actor_of(request)
        imported = roster_import(actor=actor,
                                 data=roster_bytes(body.validated_data["file"], actor=actor))
        return Response({"imported": imported}, status=status.HTTP_201_CREATED)


def _require_business_scope(request: Request) -> None:
    if not has_business_scope(request.user):
        raise PermissionDenied(reports.NO_BUSINESS_DATA)


class MemberStructureView(APIView):
    """优化党员队伍结构: the members in scope by sex, age band, 学历, post and care, in total
    and per organisation (no names)."""

    @extend_schema(responses=s.MemberStructureSerializer)
    def get(self, request: Request) -> Response:
        _require_business_scope(request)
        return Response(s.MemberStructureSerializer(reports.structure(request.user)).data)


class VisitCoverageView(APIView):
    """走访慰问 coverage: 老党员 and members in hardship in scope due a visit in a campaign
    (七一 or 春节) of a year, each with the day of their visit or null."""

    @extend_schema(parameters=[s.VisitCoverageQuerySerializer],
                   responses=s.VisitCoverageSerializer)
    def get(self, request: Request) -> Response:
        _require_business_scope(request)
        query = s.VisitCoverageQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year", timezone.localdate().year)
        campaign = query.validated_data.get("campaign") or reports.campaign_or_default(None)
        coverage = reports.visit_coverage(request.user, year, campaign)
        return Response(s.VisitCoverageSerializer(coverage).data)
