"""The desk (督查督办 overview): links to the registers, what waits for the user, and the few
lines each role looks at first — a leader's own tasks red first, a county leader's overview by
leader and unit, a unit's reports of the month, the requests to close a task to confirm. The
rows themselves live on the list and detail pages."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from dangjian.access.roles import Role
from dangjian.access.scoping import roles_of
from dangjian.calendar.lights import LABELS

from .. import selectors
from ..filtersets import entered
from ..models import OPEN_STATUSES, Task, TaskStatus
from ..services.permissions import is_completion_confirmer, planning_units
from ..todos import todos

MY_TASKS = 10  # a leader's first tasks on the desk; the list page has them all
LIGHT_ORDER = {"red": 0, "yellow": 1, "green": 2}
UNIT_ROLES = {Role.UNIT_CLERK, Role.UNIT_SECRETARY}


def _red_first(tasks: list[Task]) -> list[Task]:
    return sorted(tasks, key=lambda t: (LIGHT_ORDER[t.light], t.due_on))  # type: ignore[attr-defined]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    roles = roles_of(user)
    cut = selectors.lights()
    visible = selectors.tasks_for(user)
    context: dict[str, Any] = {
        "labels": LABELS, "planning_units": planning_units(user),
        "is_unit": bool(roles & UNIT_ROLES), "todos": [todo for todo in todos(user) if todo.count],
        "task_count": visible.count(), "plan_count": selectors.plans_for(user).count(),
    }
    person_id = getattr(user, "person_id", None)
    if person_id:
        mine = _red_first(selectors.with_lights(
            visible.filter(leader_id=person_id).exclude(status=TaskStatus.WITHDRAWN), cut))
        context.update(my_tasks=mine[:MY_TASKS], my_more=len(mine) > MY_TASKS,
                       my_total=len(mine), person_id=person_id)
    if roles & {Role.COUNTY_LEADER, Role.VICE_HEAD, Role.INSPECTOR}:
        context["by_leader"] = selectors.overview(user, cut, "leader")
        context["by_unit"] = selectors.overview(user, cut, "unit")
    if context["is_unit"]:
        context["to_report"] = _to_report(visible, user, cut)
    requested = visible.filter(status__in=OPEN_STATUSES, completion_requested_on__isnull=False)
    context["to_review"] = [t for t in requested.select_related("lead_unit", "plan")
                            if is_completion_confirmer(user, t)]
    return render(request, "tasks/desk.html", context)


def _to_report(visible: Any, user: Any, cut: Any) -> list[Task]:
    """The open tasks of the units the user reports for, with this period's state."""
    open_led = list(visible.filter(entered(user), status__in=OPEN_STATUSES).order_by("due_on"))
    periods = selectors.reported_periods(open_led)
    for task in open_led:
        task.report_state = selectors.report_state(  # type: ignore[attr-defined]
            task, cut.today, periods[task.pk])
        task.period = selectors.period_of(task, cut.today)  # type: ignore[attr-defined]
    return _red_first(selectors.with_lights(open_led, cut))
