"""The oversight API: thin views over oversight.services, scoped by access.scoping."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Min, Q
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.files.checks import DOCX, attachment
from dangjian.core.parsers import FormParser, JSONParser, MultiPartParser
from dangjian.core.permissions import require
from dangjian.core.viewsets import ScopedViewSet as BaseScopedViewSet
from dangjian.core.viewsets import download_schema
from dangjian.oversight.documents import inspection_docx, inspection_docx_name, notice_docx
from dangjian.oversight.filtersets import (
    AccountabilityFilterSet,
    CampaignFilterSet,
    FindingFilterSet,
    InspectionFilterSet,
    MeasureFilterSet,
    NoticeFilterSet,
    RiskPointFilterSet,
    SelfCheckFilterSet,
)
from dangjian.oversight.models import (
    Accountability,
    Campaign,
    Finding,
    Inspection,
    Measure,
    MeasureStatus,
    Notice,
    RiskPoint,
    SelfCheck,
)
from dangjian.oversight.services import accountability as accountability_services
from dangjian.oversight.services import campaigns as campaign_services
from dangjian.oversight.services import findings as finding_services
from dangjian.oversight.services import inspections as inspection_services
from dangjian.oversight.services import measures as measure_services
from dangjian.oversight.services import notices as notice_services
from dangjian.oversight.services import rechecks as recheck_services
from dangjian.oversight.services import risks as risk_services
from dangjian.oversight.services import selfchecks as selfcheck_services
from dangjian.oversight.services.lights import cutoffs

from . import serializers as s


class ScopedViewSet(BaseScopedViewSet):
    """The shared scoped view set, with the lights cut once per request."""

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "lights": cutoffs()}


class FindingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                     mixins.CreateModelMixin, ScopedViewSet):
    """问题台账."""

    serializer_class = s.FindingSerializer
    base_queryset = Finding.objects.select_related(
        "organization", "source", "category", "severity", "responsible_leader"
    ).annotate(earliest_open_due=Min("measures__due_on",
                                     filter=~Q(measures__status=MeasureStatus.CLOSED))
               ).order_by("-discovered_on", "-id")  # GROUP BY drops Meta.ordering
    filterset_class = FindingFilterSet

    @extend_schema(request=s.FindingInSerializer, responses={201: s.FindingSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.FindingInSerializer)
        finding = finding_services.finding_create(
            actor=actor_of(request), organization=data["organization"], source=data["source"].name,
            category=data["category"].name, severity=data["severity"].name,
            description=data["description"], discovered_on=data["discovered_on"],
            regulation=data["regulation"], risk_point=data["risk_point"],
        )
        return self.created(self.base_queryset.get(pk=finding.pk))

    def _out(self, finding: Finding) -> Response:
        fresh = self.base_queryset.get(pk=finding.pk)
        return Response(s.FindingSerializer(fresh, context=self.get_serializer_context()).data)

    @extend_schema(request=s.FindingCorrectSerializer, responses=s.FindingSerializer)
    @action(detail=True, methods=["post"])
    def correct(self, request: Request, pk: str | None = None) -> Response:
        """Correct what was registered wrongly, with a reason (kept in the audit log)."""
        data = self.validated(s.FindingCorrectSerializer)
        return self._out(finding_services.finding_correct(
            actor=actor_of(request), finding=self.get_object(), **data))

    @extend_schema(request=s.RecheckInSerializer, responses={201: s.RecheckSerializer})
    @action(detail=True, methods=["post"])
    def recheck(self, request: Request, pk: str | None = None) -> Response:
        """回头看 of a closed finding, once; 反弹 opens a new finding marked 屡查屡犯."""
        finding, actor = self.get_object(), actor_of(request)
        require(actor, "oversight.inspect")  # a refusal before the body's checks
        data = self.validated(s.RecheckInSerializer)
        done = recheck_services.finding_recheck(actor=actor, finding=finding, **data)
        return Response(s.RecheckSerializer(done).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ReasonSerializer, responses=s.FindingSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """Withdraw a finding registered in error, before any notice or measure, with a reason."""
        data = self.validated(s.ReasonSerializer)
        return self._out(finding_services.finding_withdraw(
            actor=actor_of(request), finding=self.get_object(), **data))


class NoticeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    ScopedViewSet):
    """监督工作提示单."""

    serializer_class = s.NoticeSerializer
    base_queryset = Notice.objects.select_related("recipient").prefetch_related(
        "findings", "actions__person")
    filterset_class = NoticeFilterSet

    @extend_schema(request=s.NoticeInSerializer, responses={201: s.NoticeSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.NoticeInSerializer)
        return self.created(notice_services.notice_create(actor=actor_of(request), **data))

    def _act(self, service: Any, **kwargs: Any) -> Response:
        notice = service(actor=actor_of(self.request), notice=self.get_object(), **kwargs)
        return Response(s.NoticeSerializer(notice, context=self.get_serializer_context()).data)

    @extend_schema(request=None, responses=s.NoticeSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request: Request, pk: str | None = None) -> Response:
        return self._act(notice_services.notice_issue)

    @extend_schema(request=None, responses=s.NoticeSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request: Request, pk: str | None = None) -> Response:
        return self._act(notice_services.notice_acknowledge)

    @extend_schema(request=s.ReplySerializer, responses=s.NoticeSerializer)
    @action(detail=True, methods=["post"])
    def reply(self, request: Request, pk: str | None = None) -> Response:
        """The written reply, and the actions taken (约谈提醒, 批评教育, 组织处理, 纪律处分建议),
        each with its date and person."""
        data = self.validated(s.ReplySerializer)
        return self._act(notice_services.notice_reply, text=data["text"],
                         actions=[dict(a) for a in data["actions"]])

    @extend_schema(request=None, responses=s.NoticeSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request: Request, pk: str | None = None) -> Response:
        return self._act(notice_services.notice_close)

    @extend_schema(request=None, responses={(200, DOCX): bytes})
    @action(detail=True, methods=["get"], url_path="document.docx")
    def document(self, request: Request, pk: str | None = None) -> HttpResponse:
        """The issued notice as a GB/T 9704-2012 Word file."""
        notice = self.get_object()
        return attachment(notice_docx(notice), DOCX, f"监督工作提示单{notice.number}.docx")


class MeasureViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                     mixins.UpdateModelMixin, ScopedViewSet):
    """整改措施 with their progress, evidence, submission and verification."""

    serializer_class = s.MeasureSerializer
    base_queryset = Measure.objects.select_related("finding").prefetch_related(
        "evidence", "verifications")
    filterset_class = MeasureFilterSet
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(request=s.MeasureInSerializer, responses={201: s.MeasureSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.MeasureInSerializer)
        measure = measure_services.measure_create(actor=actor_of(request), **data)
        return Response(self._out(measure), status=status.HTTP_201_CREATED)

    @extend_schema(request=s.MeasureUpdateSerializer, responses=s.MeasureSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        measure = self.get_object()
        changes = self.validated(s.MeasureUpdateSerializer, partial=True)
        if "version" not in changes:
            raise ValidationError({"version": "修改整改措施时必须提供读取时的版本号 version"})
        measure = measure_services.measure_update(actor=actor_of(request), measure=measure,
                                                  **changes)
        return Response(self._out(measure))

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.partial_update(request, *args, **kwargs)

    def _out(self, measure: Measure) -> Any:
        fresh = self.base_queryset.get(pk=measure.pk)
        return s.MeasureSerializer(fresh, context=self.get_serializer_context()).data

    @extend_schema(request=s.VersionedTextSerializer, responses=s.ProgressSerializer)
    @action(detail=True, methods=["post"])
    def progress(self, request: Request, pk: str | None = None) -> Response:
        data = self.validated(s.VersionedTextSerializer)
        entry = measure_services.measure_report_progress(
            actor=actor_of(request), measure=self.get_object(), **data)
        return Response(s.ProgressSerializer(entry).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ProgressCorrectSerializer, responses={201: s.ProgressSerializer},
                   parameters=[OpenApiParameter("entry", int, OpenApiParameter.PATH,
                                                description="要更正的进展的 id")])
    @action(detail=True, methods=["post"], url_path=r"progress/(?P<entry>[^/.]+)/correct")
    def correct_progress(self, request: Request, pk: str | None = None,
                         entry: str | None = None) -> Response:
        """Correct a progress report by a new entry naming it; the wrong one stays."""
        measure = self.get_object()
        data = self.validated(s.ProgressCorrectSerializer)
        wrong = measure.progress.filter(pk=entry).first() if str(entry).isdecimal() else None
        if wrong is None:
            raise Http404("没有这条进展")
        correction = measure_services.measure_correct_progress(
            actor=actor_of(request), measure=measure, entry=wrong, **data)
        return Response(s.ProgressSerializer(correction).data, status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": s.EvidenceUploadSerializer},
                   responses=s.EvidenceSerializer)
    @action(detail=True, methods=["post"])
    def evidence(self, request: Request, pk: str | None = None) -> Response:
        data = self.validated(s.EvidenceUploadSerializer)
        item = measure_services.measure_add_evidence(
            actor=actor_of(request), measure=self.get_object(), upload=data["file"],
            proves_date=data.get("proves_date"))
        return Response(s.EvidenceSerializer(item).data, status=status.HTTP_201_CREATED)

    @download_schema("evidence")
    @action(detail=True, methods=["get"], url_path=r"evidence/(?P<evidence>[^/.]+)/file")
    def evidence_file(self, request: Request, pk: str | None = None,
                      evidence: str | None = None) -> HttpResponseBase:
        """One evidence file of the measure, as uploaded (checked against its SHA-256)."""
        return self.download(self.get_object().evidence.all(), evidence)

    @extend_schema(request=s.VersionSerializer, responses=s.MeasureSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        data = self.validated(s.VersionSerializer)
        measure = measure_services.measure_submit(
            actor=actor_of(request), measure=self.get_object(), **data)
        return Response(self._out(measure))

    @extend_schema(request=s.VerifySerializer, responses=s.MeasureSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        data = self.validated(s.VerifySerializer)
        measure = measure_services.measure_verify(
            actor=actor_of(request), measure=self.get_object(), **data)
        return Response(self._out(measure))


class SelfCheckViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """举一反三: POST sends self-checks to peer units; each unit answers its own."""

    serializer_class = s.SelfCheckSerializer
    base_queryset = SelfCheck.objects.select_related("origin", "organization").order_by("-pk")
    filterset_class = SelfCheckFilterSet

    @extend_schema(request=s.SelfCheckSendSerializer, responses=s.SelfCheckSerializer(many=True))
    def create(self, request: Request) -> Response:
        data = self.validated(s.SelfCheckSendSerializer)
        checks = selfcheck_services.self_checks_send(
            actor=actor_of(request), finding=data["origin"], due_on=data["due_on"],
            units=data.get("units"))
        return Response(s.SelfCheckSerializer(checks, many=True).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=s.SelfCheckAnswerSerializer, responses=s.SelfCheckSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request: Request, pk: str | None = None) -> Response:
        data = self.validated(s.SelfCheckAnswerSerializer)
        check = selfcheck_services.self_check_answer(
            actor=actor_of(request), check=self.get_object(), **data)
        return Response(s.SelfCheckSerializer(SelfCheck.objects.get(pk=check.pk)).data)


class AccountabilityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                            mixins.CreateModelMixin, ScopedViewSet):
    """问责: proposals come from escalation or an inspector; the inspectors record decisions."""

    serializer_class = s.AccountabilitySerializer
    base_queryset = Accountability.objects.prefetch_related("findings",
                                                            "corrections__corrected_by")
    filterset_class = AccountabilityFilterSet

    @extend_schema(request=s.AccountabilityInSerializer,
                   responses={201: s.AccountabilitySerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.AccountabilityInSerializer)
        case = accountability_services.accountability_open(
            actor=actor_of(request), organization=data["organization"], person=data["person"],
            findings=data.get("findings", []), reason=data["reason"])
        return Response(self._out(case), status=status.HTTP_201_CREATED)

    @extend_schema(request=s.CompleteSerializer, responses=s.AccountabilitySerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        data = self.validated(s.CompleteSerializer)
        case = accountability_services.accountability_complete(
            actor=actor_of(request), case=self.get_object(), on=data["on"])
        return Response(self._out(case))

    @extend_schema(request=s.CorrectSerializer, responses=s.AccountabilitySerializer)
    @action(detail=True, methods=["post"])
    def correct(self, request: Request, pk: str | None = None) -> Response:
        """Correct a decided or completed case, with a reason; kept in ``corrections``."""
        data = self.validated(s.CorrectSerializer)
        case = accountability_services.accountability_correct(
            actor=actor_of(request), case=self.get_object(), **data)
        return Response(self._out(case))

    def _out(self, case: Accountability) -> Any:
        return s.AccountabilitySerializer(self.base_queryset.get(pk=case.pk)).data

    @extend_schema(request=s.DecideSerializer, responses=s.AccountabilitySerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        data = self.validated(s.DecideSerializer)
        case = accountability_services.accountability_decide(
            actor=actor_of(request), case=self.get_object(), **data)
        return Response(self._out(case))


class RiskPointViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                       mixins.CreateModelMixin, ScopedViewSet):
    http_method_names = ["get", "post", "patch", "head", "options"]
    """廉政风险点 of a unit's posts."""

    serializer_class = s.RiskPointSerializer
    base_queryset = RiskPoint.objects.select_related("organization", "area")
    filterset_class = RiskPointFilterSet

    @extend_schema(request=s.RiskPointInSerializer, responses={201: s.RiskPointSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.RiskPointInSerializer)
        return self.created(risk_services.risk_point_create(actor=actor_of(request), **data))

    @extend_schema(request=s.RiskPointUpdateSerializer, responses=s.RiskPointSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Edit a risk point: only the fields sent change; the unit's clerk or secretary."""
        point = self.get_object()
        changes = self.validated(s.RiskPointUpdateSerializer, partial=True)
        point = risk_services.risk_point_update(actor=actor_of(request), point=point, **changes)
        return Response(s.RiskPointSerializer(point, context=self.get_serializer_context()).data)

class InspectionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                        mixins.CreateModelMixin, ScopedViewSet):
    """督导检查 by the vice heads of their 分管 departments, and the findings they registered."""

    serializer_class = s.InspectionSerializer
    base_queryset = Inspection.objects.select_related("organizer").prefetch_related(
        "targets", "items", "findings", "files")
    filterset_class = InspectionFilterSet
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    @extend_schema(request=s.InspectionInSerializer, responses={201: s.InspectionSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.InspectionInSerializer)
        inspection = inspection_services.inspection_create(
            actor=actor_of(request), targets=data["targets"], topics=data["topics"],
            inspected_on=data["inspected_on"], items=[dict(i) for i in data["items"]],
            report=data["report"])
        return self.created(self.base_queryset.get(pk=inspection.pk))

    @extend_schema(request=s.InspectionFindingInSerializer, responses={201: s.FindingSerializer})
    @action(detail=True, methods=["post"])
    def findings(self, request: Request, pk: str | None = None) -> Response:
        """Register a finding of this inspection (来源“督导检查”): its organiser only, on one of
        its targets in his 分管 scope."""
        inspection = self.get_object()
        data = self.validated(s.InspectionFindingInSerializer)
        finding = inspection_services.inspection_add_finding(
            actor=actor_of(request), inspection=inspection, organization=data["organization"],
            category=data["category"].name, severity=data["severity"].name,
            description=data["description"], discovered_on=data["discovered_on"],
            regulation=data["regulation"])
        fresh = FindingViewSet.base_queryset.get(pk=finding.pk)
        return Response(s.FindingSerializer(fresh, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(request={"multipart/form-data": s.InspectionFileUploadSerializer},
                   responses={201: s.InspectionFileSerializer})
    @action(detail=True, methods=["post"])
    def files(self, request: Request, pk: str | None = None) -> Response:
        """Upload a file of the inspection (the signed 检查报告): who registers its findings."""
        data = self.validated(s.InspectionFileUploadSerializer)
        item = inspection_services.inspection_attach(
            actor=actor_of(request), inspection=self.get_object(), upload=data["file"])
        return Response(s.InspectionFileSerializer(item).data, status=status.HTTP_201_CREATED)

    @download_schema("file")
    @action(detail=True, methods=["get"], url_path=r"files/(?P<file>[^/.]+)/file")
    def file(self, request: Request, pk: str | None = None,
             file: str | None = None) -> HttpResponseBase:
        """One file of the inspection, as uploaded (checked against its SHA-256)."""
        return self.download(self.get_object().files.all(), file)

    @extend_schema(request=None, responses={(200, DOCX): bytes})
    @action(detail=True, methods=["get"])
    def report(self, request: Request, pk: str | None = None) -> HttpResponse:
        """督导检查情况报告 as a GB/T 9704-2012 Word file, with the findings the caller sees."""
        inspection = self.get_object()
        return attachment(inspection_docx(inspection, request.user), DOCX,
                          inspection_docx_name(inspection))


class CampaignViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                      mixins.CreateModelMixin, ScopedViewSet):
    """专项整治 with their findings, plans and progress figures."""

    serializer_class = s.CampaignSerializer
    base_queryset = Campaign.objects.all()
    filterset_class = CampaignFilterSet

    @extend_schema(request=s.CampaignInSerializer, responses={201: s.CampaignSerializer})
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = self.validated(s.CampaignInSerializer)
        return self.created(campaign_services.campaign_create(actor=actor_of(request), **data))

    def _out(self, campaign: Campaign) -> Response:
        return Response(self.get_serializer(self.base_queryset.get(pk=campaign.pk)).data)

    @extend_schema(request=s.CampaignFindingsSerializer, responses=s.CampaignSerializer)
    @action(detail=True, methods=["post"])
    def findings(self, request: Request, pk: str | None = None) -> Response:
        """Count findings in the campaign (their measures follow)."""
        campaign = self.get_object()
        data = self.validated(s.CampaignFindingsSerializer)
        return self._out(campaign_services.campaign_add_findings(
            actor=actor_of(request), campaign=campaign, findings=data["findings"]))

    @extend_schema(request=s.CampaignPlanInSerializer, responses={201: s.CampaignSerializer})
    @action(detail=True, methods=["post"])
    def plans(self, request: Request, pk: str | None = None) -> Response:
        """Count a plan (工作部署) of the tasks app in the campaign."""
        campaign = self.get_object()
        data = self.validated(s.CampaignPlanInSerializer)
        campaign_services.campaign_link_plan(actor=actor_of(request), campaign=campaign,
                                             plan_id=data["plan"].pk)
        response = self._out(campaign)
        response.status_code = status.HTTP_201_CREATED
        return response
