"""Importing a 任务分解表 with a progress bar: the page posts one step at a time (htmx) and
redraws the bar, so a long sheet is checked without a worker process."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dangjian.access.actor import actor_of
from dangjian.core.actions import action
from dangjian.core.forms import Inputs
from dangjian.orgs.models import Organization

from ..models import ImportJob, ImportStatus
from ..services import imports as import_services
from ..services.permissions import planning_units
from .plans import _year


@login_required
def page(request: HttpRequest) -> HttpResponse:
    return render(request, "tasks/import.html", {
        "units": planning_units(actor_of(request)), "drafts": request.session.get("drafts", {}),
        "headers": import_services.HEADERS,
    })


IMPORT_FIELDS = {"organization": "部署单位", "year": "年度", "title": "标题",
                 "file": "任务分解表"}


@action("import", back="tasks:import", labels=IMPORT_FIELDS)
def start(request: HttpRequest) -> tuple[str, str]:
    inputs = Inputs(request, IMPORT_FIELDS)
    organization = inputs.picked(Organization, "organization")
    year = inputs.read("year", _year, inputs.text("year"))
    title = inputs.text("title")
    upload = request.FILES.get("file")
    if upload is None:
        inputs.refuse("file", "请选择要导入的任务分解表（.xlsx）")
    inputs.check()
    assert upload is not None  # refused by check() otherwise
    job = import_services.import_start(actor=actor_of(request), organization=organization,
                                       title=title, year=year, upload=upload)
    return (f"已上传，共{job.total}行，正在校验",
            reverse("tasks:import-job", kwargs={"pk": job.pk}))


def _own_job(request: HttpRequest, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob, pk=pk, created_by_id=request.user.pk)


@login_required
def job(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "tasks/import_job.html", {"job": _own_job(request, pk),
                                                     "statuses": ImportStatus})


@login_required
@require_POST
def advance(request: HttpRequest, pk: int) -> HttpResponse:
    """One step; answers the progress fragment, which asks for the next step until done."""
    found = import_services.import_advance(actor=actor_of(request), job=_own_job(request, pk))
    return render(request, "tasks/_import_progress.html", {"job": found,
                                                          "statuses": ImportStatus})
