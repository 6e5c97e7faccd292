"""The task registers' list and detail pages, declared on the core page kernel."""

from typing import Any

from django.db.models import QuerySet
from django.urls import reverse

from dangjian.core.detail import Action, RecordDetailView, Section
from dangjian.core.lists import RegisterListView
from dangjian.core.permissions import can

from . import selectors
from .filtersets import BulletinFilterSet, PlanFilterSet, TaskFilterSet
from .models import Bulletin, Plan, RevisionStatus, Task
from .tables import (
    BulletinTable,
    MilestoneTable,
    PlanTable,
    PlanTaskTable,
    ProgressTable,
    ReviewTable,
    TaskTable,
)
from .views.plans import changes_in_words


class TaskList(RegisterListView):
    model = Task
    filterset_class = TaskFilterSet
    table_class = TaskTable
    title = "督办任务"
    export_name = "督办任务"
    organization_filters = ("subtree", "lead_unit")

    def rows(self) -> QuerySet[Task]:
        return selectors.tasks_for(self.request.user).order_by("plan", "number", "id")


class PlanList(RegisterListView):
    model = Plan
    filterset_class = PlanFilterSet
    table_class = PlanTable
    title = "工作部署"
    export_name = "工作部署"
    status_field = "kind"
    new_label = "录入讲话、工作要点或实施方案"

    def rows(self) -> QuerySet[Plan]:
        return selectors.plans_for(self.request.user).order_by("-year", "-id")

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.new_url = reverse("tasks:plan-new")  # type: ignore[misc]
        return super().get(request, *args, **kwargs)


class BulletinList(RegisterListView):
    model = Bulletin
    filterset_class = BulletinFilterSet
    table_class = BulletinTable
    title = "督查通报"
    status_field = None
    new_label = "生成并签发督查通报"

    def rows(self) -> QuerySet[Bulletin]:
        return selectors.bulletins_for(self.request.user)

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.new_url = reverse("tasks:bulletin-new")  # type: ignore[misc]
        return super().get(request, *args, **kwargs)


def _url(name: str, pk: int) -> str:
    return reverse(f"tasks:{name}", args=[pk])


class TaskDetail(RecordDetailView):
    model = Task
    fields = ("plan", "number", "text", "lead_unit", "co_units", "leader", "due_on",
              "deadline_text", "report_cycle", "report_day", "status",
              "completion_requested_on", "completed_on", "created_at")
    list_url = "tasks:task_list"

    def get_queryset(self) -> QuerySet[Task]:
        return selectors.tasks_for(self.request.user)

    def sections(self) -> list[Section]:
        task: Task = self.object
        reports = task.reports.select_related("milestone", "reported_by").prefetch_related(
            "evidence")
        return [Section("进展报送", ProgressTable(reports, orderable=False)),
                Section("任务节点", MilestoneTable(task.milestones.all(), orderable=False)),
                Section("办结审核", ReviewTable(task.reviews.select_related("reviewer"),
                                            orderable=False))]

    def actions(self) -> list[Action]:
        task: Task = self.object
        user, found = self.request.user, []
        if task.is_open and can(user, "tasks.report", task):
            found += [Action("报送进展", _url("report", task.pk)),
                      Action("上传佐证", _url("report", task.pk) + "#files", style="secondary")]
            if task.completion_requested_on is None:
                found.append(Action("申请办结", _url("report", task.pk) + "?complete=1",
                                    style="secondary"))
        if task.completion_requested_on and can(user, "tasks.confirm_completion", task):
            found.append(Action("确认办结 / 退回", _url("task-review", task.pk)))
        if task.is_open and can(user, "tasks.plan", task.plan.organization):
            found.append(Action("修订", _url("task-edit", task.pk), style="secondary"))
        return found


class PlanDetail(RecordDetailView):
    model = Plan
    template_name = "tasks/plan_detail.html"
    fields = ("organization", "kind", "year", "created_by", "created_at")
    list_url = "tasks:plan_list"

    def actions(self) -> list[Action]:
        plan: Plan = self.object
        found = [Action("导出任务分解表（Excel）", _url("plan-export", plan.pk),
                        style="secondary")]
        if not can(self.request.user, "tasks.plan", plan.organization):
            return found
        draft = plan.revisions.filter(status=RevisionStatus.DRAFT).first()
        if draft is not None:
            found.insert(0, Action(f"审核第{draft.number}版任务建议并确认任务",
                                   _url("review", plan.pk)))
        else:
            found.append(Action("修订", _url("plan-revise", plan.pk), style="secondary"))
        if plan.tasks.exists():
            found.append(Action("添加节点", _url("milestone-new", plan.pk), style="secondary"))
        found.append(Action("导入任务分解表", reverse("tasks:import"), style="secondary"))
        return found

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        plan: Plan = self.object
        tasks = selectors.tasks_for(self.request.user).filter(plan=plan).prefetch_related(
            "milestones").order_by("number", "id")
        revisions = list(plan.revisions.order_by("-number"))
        titles = dict(Task.objects.filter(plan=plan).values_list("pk", "title"))
        return super().get_context_data(
            **kwargs, tasks=PlanTaskTable(tasks, orderable=False),
            revisions=[(r, changes_in_words(r.changes, titles)) for r in revisions],
            confirmed=RevisionStatus.CONFIRMED)

    def history_records(self) -> list[Any]:
        return [self.object]
