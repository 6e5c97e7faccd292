"""Importing a 任务分解表 with a progress bar: the page posts one step at a time (htmx) and
redraws the bar, so a long sheet is checked without a worker process."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from dangjian.core.actions import action, picked
from dangjian.orgs.models import Organization

from ..models import ImportJob, ImportStatus
from ..services import imports as import_services
from ..services.permissions import planning_units
from .plans import _year


@login_required
def page(request: HttpRequest) -> HttpResponse:
    return render(request, "tasks/import.html", {
        "units": planning_units(request.user), "drafts": request.session.get("drafts", {}),
        "headers": import_services.HEADERS,
    })


@action("import", back="tasks:import")
def start(request: HttpRequest) -> tuple[str, str]:
    post = request.POST
    upload = request.FILES.get("file")
    if upload is None:
        raise ValidationError("请选择要导入的任务分解表（.xlsx）")
    job = import_services.import_start(
        actor=request.user, organization=picked(Organization, request, post.get("organization"),
                                                         "organization"),
        title=post.get("title", ""), year=_year(post.get("year")), upload=upload)
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
    found = import_services.import_advance(actor=request.user, job=_own_job(request, pk))
    return render(request, "tasks/_import_progress.html", {"job": found,
                                                          "statuses": ImportStatus})
