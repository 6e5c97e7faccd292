"""One action per page: each form is a page of its own (GET) whose POST is the action view,
which on success goes to the record's detail page and on refusal back here, input kept."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from dangjian.core.actions import drafts, scoped
from dangjian.core.permissions import can

from .. import selectors
from ..models import Plan, PlanKind, ReportCycle, Task
from ..services.permissions import planning_units
from . import files, plans, progress

Context = Callable[..., dict[str, Any]]


def form_page(template: str, post: Callable[..., HttpResponse], context: Context
              ) -> Callable[..., HttpResponse]:
    @login_required
    def view(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if request.method == "POST":
            return post(request, **kwargs)
        return render(request, template, {**context(request, **kwargs),
                                          "drafts": drafts(request)})

    return view


def _task(request: HttpRequest, pk: int, action: str, obj: Any = None) -> Task:
    task: Task = scoped(Task, request, pk)
    if not can(request.user, action, obj if obj is not None else task):
        raise PermissionDenied
    return task


def _report(request: HttpRequest, pk: int) -> dict[str, Any]:
    task = _task(request, pk, "tasks.report")
    period = selectors.period_of(task, timezone.localdate())
    return {"task": task, "period": period, "key": f"report-{pk}",
            "milestones": task.milestones.filter(done_on__isnull=True),
            "complete": request.GET.get("complete") == "1"}


def _review(request: HttpRequest, pk: int) -> dict[str, Any]:
    task = _task(request, pk, "tasks.confirm_completion")
    return {"task": task, "key": f"review-{pk}",
            "latest": task.reports.prefetch_related("evidence").first()}


def _edit(request: HttpRequest, pk: int) -> dict[str, Any]:
    task = scoped(Task, request, pk)
    _task(request, pk, "tasks.plan", task.plan.organization)
    return {"task": task, "key": f"edit-{pk}", "cycles": ReportCycle.choices}


def _plan(request: HttpRequest, pk: int) -> Plan:
    plan: Plan = scoped(Plan, request, pk)
    if not can(request.user, "tasks.plan", plan.organization):
        raise PermissionDenied
    return plan


def _plan_new(request: HttpRequest) -> dict[str, Any]:
    return {"units": planning_units(request.user), "today": timezone.localdate(),
            "kinds": [k for k in PlanKind.values if k != PlanKind.BREAKDOWN]}


def _revise(request: HttpRequest, pk: int) -> dict[str, Any]:
    return {"plan": _plan(request, pk), "key": f"revise-{pk}"}


def _milestone(request: HttpRequest, pk: int) -> dict[str, Any]:
    plan = _plan(request, pk)
    tasks = [t for t in plan.tasks.order_by("number", "id") if t.is_open]
    return {"plan": plan, "tasks": tasks, "key": f"milestone-{pk}"}


def _bulletin(request: HttpRequest) -> dict[str, Any]:
    return {"units": planning_units(request.user),
            "plans": selectors.plans_for(request.user)[:100]}


report = form_page("tasks/form_report.html", progress.report, _report)
review = form_page("tasks/form_review.html", progress.review, _review)
edit = form_page("tasks/form_edit.html", progress.edit, _edit)
plan_new = form_page("tasks/form_plan.html", plans.plan_new, _plan_new)
plan_revise = form_page("tasks/form_revise.html", plans.plan_revise, _revise)
milestone_new = form_page("tasks/form_milestone.html", plans.milestone_new, _milestone)
bulletin_new = form_page("tasks/form_bulletin.html", files.bulletin_new, _bulletin)
