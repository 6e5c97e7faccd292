"""The desk: one page whose sections follow the user's roles.

A leader sees the tasks they answer for, red first, and the requests to close them; a unit's
clerk the month's reports to send; a county leader the overview by leader and unit.
"""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dangjian.access.roles import Role
from dangjian.access.scoping import may_enter_data, roles_of
from dangjian.calendar.lights import LABELS

from .. import selectors
from ..filtersets import TaskFilterSet
from ..models import OPEN_STATUSES, PlanKind, Task, TaskStatus
from ..services.permissions import is_completion_confirmer, planning_units

PAGE_SIZE = 50
LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2}
UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


def _red_first(tasks: list[Task]) -> list[Task]:
    return sorted(tasks, key=lambda t: (LIGHT_ORDER[t.light], t.due_on))  # type: ignore[attr-defined]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    roles = roles_of(user)
    cut = selectors.lights()
    today = cut.today
    visible = selectors.tasks_for(user)
    context: dict[str, Any] = {
        "labels": LABELS, "today": today, "drafts": request.session.get("drafts", {}),
        "planning_units": planning_units(user), "is_unit": bool(roles & UNIT_ROLES),
        "kinds": [k for k in PlanKind.values if k != PlanKind.BREAKDOWN],
        "report_drafts": _drafts(request, "report-"),
    }
    person_id = getattr(user, "person_id", None)
    if person_id:
        mine = visible.filter(leader_id=person_id).exclude(status=TaskStatus.WITHDRAWN)
        context["my_tasks"] = _red_first(selectors.with_lights(mine, cut))
    if roles & {Role.COUNTY_LEADER, Role.VICE_HEAD, Role.INSPECTOR}:
        context["by_leader"] = selectors.overview(user, cut, "leader")
        context["by_unit"] = selectors.overview(user, cut, "unit")
    if context["is_unit"]:
        context.update(_unit_sections(request, visible, cut))
    requested = visible.filter(status__in=OPEN_STATUSES, completion_requested_on__isnull=False)
    context["to_review"] = [t for t in requested.select_related("lead_unit", "plan")
                            if is_completion_confirmer(user, t)]
    filtered = TaskFilterSet(request.GET, queryset=visible.order_by("plan", "number", "id"))
    page = Paginator(filtered.qs, _page_size(request)).get_page(request.GET.get("page"))
    context["filter"], context["page"] = filtered, page
    context["tasks"] = selectors.with_lights(page.object_list, cut)
    context["plans"] = selectors.plans_for(user)[:50]
    context["bulletins"] = selectors.bulletins_for(user)[:20]
    return render(request, "tasks/desk.html", context)


def _unit_sections(request: HttpRequest, visible: Any, cut: Any) -> dict[str, Any]:
    """The monthly report of the units the user enters."""
    user = request.user
    open_tasks = list(visible.filter(status__in=OPEN_STATUSES)
                      .prefetch_related("milestones").order_by("due_on"))
    units = {t.lead_unit for t in open_tasks}
    entered = {u.pk for u in units if may_enter_data(user, u)}
    open_led = [t for t in open_tasks if t.lead_unit_id in entered]
    periods = selectors.reported_periods(open_led)
    for task in open_led:
        task.report_state = selectors.report_state(  # type: ignore[attr-defined]
            task, cut.today, periods[task.pk])
        task.period = selectors.period_of(task, cut.today)  # type: ignore[attr-defined]
    return {"to_report": _red_first(selectors.with_lights(open_led, cut))}


def _drafts(request: HttpRequest, prefix: str) -> dict[int, str]:
    """Refused report texts by task id, to fill the forms in again."""
    drafts = request.session.get("drafts", {})
    return {int(key.removeprefix(prefix)): draft.get("text", "")
            for key, draft in drafts.items()
            if key.startswith(prefix) and key.removeprefix(prefix).isdigit()}


def _page_size(request: HttpRequest) -> int:
    raw = request.GET.get("page_size", "")
    return min(int(raw), 500) if raw.isdigit() and int(raw) > 0 else PAGE_SIZE

