"""Files of task supervision: the 任务分解表 export, the 督查通报 and evidence downloads."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.urls import reverse

from dangjian.access.actor import actor_of
from dangjian.access.scoping import restrict
from dangjian.core.actions import action, scoped
from dangjian.core.files.checks import DOCX, XLSX, attachment
from dangjian.core.files.views import download_page
from dangjian.core.forms import Inputs
from dangjian.orgs.models import Organization

from .. import selectors
from ..documents import breakdown_xlsx, bulletin_docx
from ..models import Bulletin, Plan, ProgressEvidence, Task, TaskStatus
from ..services import bulletins as bulletin_services


@login_required
def plan_export(request: HttpRequest, pk: int) -> HttpResponse:
    plan = scoped(Plan, request, pk)
    tasks = selectors.with_latest_progress(
        selectors.tasks_for(request.user).filter(plan=plan)
        .exclude(status=TaskStatus.WITHDRAWN).order_by("number", "id"))
    return attachment(breakdown_xlsx(plan.title, tasks), XLSX, f"{plan.title}任务分解表.xlsx")


BULLETIN_FIELDS = {"organization": "通报范围", "plan": "工作部署"}


@action("bulletin", back="tasks:bulletin-new", labels=BULLETIN_FIELDS)
def bulletin_new(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, BULLETIN_FIELDS)
    organization = inputs.picked(Organization, "organization")
    plan = inputs.picked(Plan, "plan", required=False)
    inputs.check()
    bulletin = bulletin_services.bulletin_issue(
        actor=actor_of(request), organization=organization, plan=plan)
    return f"已签发督查通报 {bulletin.number}", reverse("tasks:bulletin_list")


@login_required
def bulletin_document(request: HttpRequest, pk: int) -> HttpResponse:
    bulletin = scoped(Bulletin, request, pk)
    return attachment(bulletin_docx(bulletin), DOCX, f"督查通报{bulletin.number}.docx")


@login_required
def evidence(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A progress report's file, only for a task the user sees, checked against its SHA-256."""
    item = get_object_or_404(ProgressEvidence.objects.filter(
        report__task__in=restrict(Task.objects.all(), request.user)), pk=pk)
    return download_page(evidence=item, actor=actor_of(request))
