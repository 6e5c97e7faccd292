"""The task supervision API: thin views over tasks.services, scoped by access.scoping."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from dangjian.access.actor import actor_of
from dangjian.core.files.checks import DOCX, XLSX, attachment
from dangjian.core.parsers import FormParser, JSONParser, MultiPartParser
from dangjian.core.viewsets import ScopedViewSet as BaseScopedViewSet
from dangjian.core.viewsets import download_schema
from dangjian.tasks import selectors
from dangjian.tasks.documents import breakdown_xlsx, bulletin_docx
from dangjian.tasks.filtersets import TaskFilterSet
from dangjian.tasks.models import (
    Bulletin,
    Plan,
    PlanRevision,
    ProgressEvidence,
    Proposal,
    Task,
    TaskStatus,
)
from dangjian.tasks.services import bulletins as bulletin_services
from dangjian.tasks.services import imports as import_services
from dangjian.tasks.services import plans as plan_services
from dangjian.tasks.services import progress as progress_services
from dangjian.tasks.services import tasks as task_services
from dangjian.tasks.services.confirm import ReviewedItem, plan_confirm

from . import serializers as s

PARSERS = [JSONParser, FormParser, MultiPartParser]


class ScopedViewSet(BaseScopedViewSet):
    """The shared scoped view set, with the lights cut once per request."""

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "lights": selectors.lights()}


class PlanViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Speeches and plans, their versions under review, and their confirmation into tasks."""

    base_queryset = Plan.objects.select_related("organization").prefetch_related(
        Prefetch("revisions", PlanRevision.objects.prefetch_related(
            Prefetch("proposals", Proposal.objects.prefetch_related("co_units")))))
    parser_classes = PARSERS
    filterset_fields = ["organization", "kind", "year"]

    def get_serializer_class(self) -> Any:
        return s.PlanSummarySerializer if self.action == "list" else s.PlanSerializer

    def _document(self, request: Request) -> dict[str, Any]:
        data = s.DocumentSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        return {"text": data.validated_data.get("text"), "upload": data.validated_data.get("file")}

    def _out(self, plan: Plan) -> Response:
        fresh = self.base_queryset.get(pk=plan.pk)
        return Response(s.PlanSerializer(fresh, context=self.get_serializer_context()).data)

    @extend_schema(request={"application/json": s.DocumentSerializer,
                            "multipart/form-data": s.DocumentSerializer},
                   responses=s.ParseResultSerializer)
    @action(detail=False, methods=["post"])
    def parse(self, request: Request) -> Response:
        """The proposed items of a document; nothing is saved."""
        items = plan_services.plan_parse(actor=actor_of(request), **self._document(request))
        return Response({"items": [item.as_result() for item in items]})

    @extend_schema(request={"application/json": s.PlanCreateSerializer,
                            "multipart/form-data": s.PlanCreateSerializer},
                   responses={201: s.PlanSerializer})
    def create(self, request: Request) -> Response:
        v = self.validated(s.PlanCreateSerializer)
        plan = plan_services.plan_create(
            actor=actor_of(request), organization=v["organization"], kind=v["kind"],
            year=v["year"], title=v["title"], text=v.get("text"), upload=v.get("file"))
        response = self._out(plan)
        response.status_code = status.HTTP_201_CREATED
        return response

    @extend_schema(request={"application/json": s.DocumentSerializer,
                            "multipart/form-data": s.DocumentSerializer},
                   responses={201: s.PlanSerializer})
    @action(detail=True, methods=["post"])
    def revise(self, request: Request, pk: str | None = None) -> Response:
        """A new version of the plan's text, proposed against its tasks."""
        plan = self.get_object()
        plan_services.plan_revise(actor=actor_of(request), plan=plan, **self._document(request))
        response = self._out(plan)
        response.status_code = status.HTTP_201_CREATED
        return response

    @extend_schema(request=s.ConfirmSerializer, responses=s.PlanSerializer)
    @action(detail=True, methods=["post"])
    def confirm(self, request: Request, pk: str | None = None) -> Response:
        """Confirm the draft: ``items`` as reviewed, or the stored proposals when omitted."""
        plan = self.get_object()
        data = self.validated(s.ConfirmSerializer)
        raw = data["items"]
        items = None if raw is None else [self._item(plan, n, item)
                                          for n, item in enumerate(raw, 1)]
        plan_confirm(actor=actor_of(request), plan=plan, items=items,
                     accept_past_due=data["accept_past_due"])
        return self._out(plan)

    def _item(self, plan: Plan, n: int, raw: dict[str, Any]) -> ReviewedItem:
        task = raw["task"]
        if task is not None and task.plan_id != plan.pk:
            raise ValidationError({f"items[{n}]": "对应任务不属于该部署"})
        milestones = raw["milestones"]
        return ReviewedItem(
            title=raw["title"], text=raw["text"], path=raw["path"],
            deadline=raw["deadline"] or "", targets=raw["targets"], co_units=raw["co_units"],
            lead_unit=raw["lead_unit"], leader=raw["leader"],
            due_on=raw["due_on"], task=task, report_cycle=raw["report_cycle"],
            report_day=raw["report_day"],
            milestones=None if milestones is None else [(m["title"], m["due_on"])
                                                         for m in milestones])

    @extend_schema(request={"multipart/form-data": s.ImportSerializer},
                   responses={201: s.ImportResultSerializer, 400: s.ImportResultSerializer})
    @action(detail=False, methods=["post"], url_path="import")
    def import_sheet(self, request: Request) -> Response:
        """A 任务分解表 (.xlsx): all rows imported, or none and every bad row named."""
        v = self.validated(s.ImportSerializer)
        job = import_services.import_start(
            actor=actor_of(request), title=v["title"], year=v["year"], upload=v["file"],
            organization=v["organization"])
        job = import_services.import_run(actor=actor_of(request), job=job)
        body = {"status": job.status, "plan": job.plan_id, "rows": job.total,
                "errors": job.errors}
        if job.errors:
            return Response({"detail": job.errors[0], **body},
                            status=status.HTTP_400_BAD_REQUEST)
        return Response(body, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={(200, XLSX): bytes})
    @action(detail=True, methods=["get"], url_path="tasks.xlsx")
    def export(self, request: Request, pk: str | None = None) -> HttpResponse:
        """The plan's 任务分解表, the same scoped rows as the task list."""
        plan = self.get_object()
        tasks = selectors.with_latest_progress(
            selectors.tasks_for(request.user).filter(plan=plan)
            .exclude(status=TaskStatus.WITHDRAWN))
        return attachment(breakdown_xlsx(plan.title, tasks.order_by("number", "id")), XLSX,
                          f"{plan.title}任务分解表.xlsx")


class TaskViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """督办任务 with ``light`` and ``status``; progress reports and completion review."""

    serializer_class = s.TaskSerializer
    filterset_class = TaskFilterSet
    parser_classes = PARSERS
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet[Task]:
        return selectors.tasks_for(self.request.user).prefetch_related("milestones").order_by(
            "plan", "number", "id")

    def _out(self, task: Task) -> Any:
        fresh = self.get_queryset().get(pk=task.pk)
        return s.TaskSerializer(fresh, context=self.get_serializer_context()).data

    @extend_schema(request=s.TaskUpdateSerializer, responses=s.TaskSerializer)
    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        task = self.get_object()
        changes = self.validated(s.TaskUpdateSerializer, partial=True)
        if "version" not in changes:
            raise ValidationError({"version": "修改任务时必须提供读取时的版本号 version"})
        task = task_services.task_update(actor=actor_of(request), task=task, **changes)
        return Response(self._out(task))

    @extend_schema(methods=["POST"], request={"multipart/form-data": s.ProgressInSerializer,
                                              "application/json": s.ProgressInSerializer},
                   responses={201: s.TaskProgressSerializer})
    @extend_schema(methods=["GET"], request=None, responses=s.TaskProgressSerializer(many=True))
    @action(detail=True, methods=["get", "post"])
    def progress(self, request: Request, pk: str | None = None) -> Response:
        """GET: the task's reports, newest first; POST: report progress with evidence."""
        task = self.get_object()
        if request.method == "GET":
            reports = task.reports.select_related("reported_by").prefetch_related("evidence")
            return Response(s.TaskProgressSerializer(reports, many=True).data)
        v = self.validated(s.ProgressInSerializer)
        milestone = v["milestone"]
        if milestone is not None and milestone.task_id != task.pk:
            raise ValidationError({"milestone": "该节点不属于这项任务"})
        report = progress_services.task_report_progress(
            actor=actor_of(request), task=task, text=v["text"], percent=v["percent"],
            milestone=milestone, files=v["files"], request_completion=v["request_completion"],
            version=v["version"])
        return Response(s.TaskProgressSerializer(report).data, status=status.HTTP_201_CREATED)

    @download_schema("evidence")
    @action(detail=True, methods=["get"], url_path=r"evidence/(?P<evidence>[^/.]+)/file")
    def evidence_file(self, request: Request, pk: str | None = None,
                      evidence: str | None = None) -> HttpResponseBase:
        """One evidence file of the task's progress reports (checked against its SHA-256)."""
        return self.download(ProgressEvidence.objects.filter(report__task=self.get_object()),
                             evidence)

    @extend_schema(request=s.MilestoneInOneSerializer, responses={201: s.MilestoneSerializer})
    @action(detail=True, methods=["post"])
    def milestones(self, request: Request, pk: str | None = None) -> Response:
        """Add a dated step (节点); the task's light follows its earliest open one."""
        data = self.validated(s.MilestoneInOneSerializer)
        milestone = task_services.milestone_add(actor=actor_of(request), task=self.get_object(),
                                                **data)
        return Response(s.MilestoneSerializer(milestone).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ReviewInSerializer, responses=s.TaskSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request: Request, pk: str | None = None) -> Response:
        """The assigning side (leader or 督查室) accepts (已完成) or returns a request."""
        data = self.validated(s.ReviewInSerializer)
        task = progress_services.task_review(actor=actor_of(request), task=self.get_object(),
                                             **data)
        return Response(self._out(task))


class BulletinViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """督查通报: issued on the tasks within an organisation, rendered to GB/T 9704 Word."""

    serializer_class = s.BulletinSerializer
    base_queryset = Bulletin.objects.select_related("organization", "plan")

    @extend_schema(request=s.BulletinInSerializer, responses={201: s.BulletinSerializer})
    def create(self, request: Request) -> Response:
        v = self.validated(s.BulletinInSerializer)
        bulletin = bulletin_services.bulletin_issue(actor=actor_of(request), **v)
        return self.created(bulletin)

    @extend_schema(request=None, responses={(200, DOCX): bytes})
    @action(detail=True, methods=["get"], url_path="document.docx")
    def document(self, request: Request, pk: str | None = None) -> HttpResponse:
        bulletin = self.get_object()
        return attachment(bulletin_docx(bulletin), DOCX, f"督查通报{bulletin.number}.docx")
