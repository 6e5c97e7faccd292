"""The task registers as tables (list pages, their exports, detail sections)."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from dangjian.calendar.lights import LABELS
from dangjian.core.lists import RegisterTable

from .models import Bulletin, Milestone, Plan, ProgressReport, Review, Task
from .selectors import light_of, lights


def _detail(name: str) -> Any:
    return lambda record: reverse(f"tasks:{name}_detail", args=[record.pk])


class TaskLightColumn(tables.Column):
    """红黄绿灯 of a task: its earliest open milestone or deadline (closed tasks are green)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(accessor="due_on", verbose_name="灯号", orderable=False, **kwargs)

    def render(self, value: Any, record: Task, table: Any) -> Any:
        light = light_of(record, table.lights)
        return format_html('<span class="light light-{}">{}</span>', light, LABELS[light])

    def value(self, value: Any, record: Task, table: Any) -> str:
        return LABELS[light_of(record, table.lights)]


class TaskTable(RegisterTable):
    light = TaskLightColumn()
    number = tables.Column(verbose_name="序号")
    title = tables.Column(verbose_name="任务", linkify=_detail("task"))
    plan = tables.Column(verbose_name="工作部署", order_by="plan__title")
    lead_unit = tables.Column(verbose_name="牵头单位", order_by="lead_unit__name")
    co_units = tables.ManyToManyColumn(verbose_name="配合单位", separator="、",
                                       orderable=False)
    leader = tables.Column(verbose_name="责任领导", order_by="leader__name")
    due_on = tables.DateColumn(verbose_name="完成时限", format="Y-m-d")
    status = tables.Column(verbose_name="状态")

    class Meta(RegisterTable.Meta):
        model = Task
        fields = ("light", "number", "title", "plan", "lead_unit", "co_units", "leader",
                  "due_on", "status")
        row_attrs = {"data-testid": lambda record: f"task-{record.pk}"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lights = lights()


class PlanTable(RegisterTable):
    title = tables.Column(verbose_name="标题", linkify=_detail("plan"))
    kind = tables.Column(verbose_name="类型")
    year = tables.Column(verbose_name="年度")
    organization = tables.Column(verbose_name="部署单位", order_by="organization__name")
    task_count = tables.Column(verbose_name="任务数")

    class Meta(RegisterTable.Meta):
        model = Plan
        fields = ("title", "kind", "year", "organization", "task_count")
        row_attrs = {"data-testid": lambda record: f"plan-{record.pk}"}


class BulletinTable(RegisterTable):
    number = tables.Column(verbose_name="文号", accessor="number", orderable=False,
                           empty_values=())
    title = tables.Column(verbose_name="标题")
    organization = tables.Column(verbose_name="通报范围")
    issued_on = tables.DateColumn(verbose_name="签发日期", format="Y-m-d")
    document = tables.Column(verbose_name="公文", accessor="pk", orderable=False,
                             empty_values=())

    class Meta(RegisterTable.Meta):
        model = Bulletin
        fields = ("number", "title", "organization", "issued_on", "document")
        row_attrs = {"data-testid": lambda record: f"bulletin-{record.pk}"}

    def render_document(self, record: Bulletin) -> Any:
        url = reverse("tasks:bulletin-document", args=[record.pk])
        return format_html('<a href="{}">下载公文（Word）</a>', url)


class ProgressTable(RegisterTable):
    period = tables.Column(verbose_name="报送期")
    text = tables.Column(verbose_name="进展情况")
    percent = tables.Column(verbose_name="完成进度（%）")
    milestone = tables.Column(verbose_name="完成节点")
    evidence = tables.Column(verbose_name="佐证材料", accessor="pk", orderable=False,
                             empty_values=())
    reported_by = tables.Column(verbose_name="报送人")
    reported_on = tables.DateColumn(verbose_name="报送日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = ProgressReport
        fields = ("period", "text", "percent", "milestone", "evidence", "reported_by",
                  "reported_on")
        empty_text = "尚未报送进展"

    def render_evidence(self, record: ProgressReport) -> Any:
        files = [(reverse("tasks:evidence", args=[e.pk]), e.original_name)
                 for e in record.evidence.all()]
        return format_html_join("、", '<a href="{}">{}</a>', files) if files else "—"


class MilestoneTable(RegisterTable):
    title = tables.Column(verbose_name="节点")
    due_on = tables.DateColumn(verbose_name="节点时限", format="Y-m-d")
    done_on = tables.DateColumn(verbose_name="完成日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = Milestone
        fields = ("title", "due_on", "done_on")
        empty_text = "未设节点"


class ReviewTable(RegisterTable):
    decision = tables.Column(verbose_name="审核结论")
    comment = tables.Column(verbose_name="审核意见")
    reviewer = tables.Column(verbose_name="审核人")
    created_at = tables.DateTimeColumn(verbose_name="审核时间", format="Y-m-d H:i")

    class Meta(RegisterTable.Meta):
        model = Review
        fields = ("decision", "comment", "reviewer", "created_at")
        empty_text = "暂无办结审核"


class PlanTaskTable(TaskTable):
    """A plan's tasks on its page: each with its milestones, targets and the version that
    last changed it."""

    class Meta(TaskTable.Meta):
        exclude = ("plan",)

    def render_title(self, record: Task, value: str) -> Any:
        lines = [format_html("<br><small class=\"muted\">节点：{}（{}{}）</small>", m.title,
                             m.due_on.isoformat(), "，已完成" if m.done_on else "")
                 for m in record.milestones.all()]
        if record.targets:
            lines.append(format_html("<br><small class=\"muted\">目标：{}</small>",
                                     "；".join(record.targets)))
        if record.changed_in > 1:
            change = "新增" if record.added_in == record.changed_in else "调整"
            lines.append(format_html(' <span class="tag">第{}版{}</span>', record.changed_in,
                                     change))
        link = format_html('<a href="{}">{}</a>', reverse("tasks:task_detail", args=[record.pk]),
                           value)
        return format_html("{}{}", link, format_html_join("", "{}", ((line,) for line in lines)))
