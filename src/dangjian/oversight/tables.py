"""The oversight registers as tables (list pages, their exports, detail sections)."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from dangjian.core.lists import RegisterTable

from .models import (
    Accountability,
    Campaign,
    Escalation,
    Evidence,
    Finding,
    Inspection,
    InspectionFile,
    InspectionItem,
    Measure,
    MeasureStatus,
    Notice,
    NoticeAction,
    Progress,
    Recheck,
    RiskPoint,
    SelfCheck,
    Verification,
)
from .services.lights import LABELS, cutoffs


def _detail(name: str) -> Any:
    return lambda record: reverse(f"oversight:{name}_detail", args=[record.pk])


def _marked(name: str) -> dict[str, Any]:
    """Row attributes naming the record (``finding-12``), for tests and page anchors."""
    return {"data-testid": lambda record: f"{name}-{record.pk}",
            "id": lambda record: f"{name}-{record.pk}"}


class LightColumn(tables.Column):
    """红黄绿灯 of an open row's deadline, from the cutoffs its table computed once."""

    def __init__(self, due: str, **kwargs: Any) -> None:
        super().__init__(accessor=due, verbose_name="亮灯", orderable=False, **kwargs)

    def render(self, value: Any, record: Any, table: Any) -> Any:
        if record.status == MeasureStatus.CLOSED:
            return "—"
        light = table.lights.light(value)
        return format_html('<span class="light light-{}">{}</span>', light, LABELS[light])

    def value(self, value: Any, record: Any, table: Any) -> str:
        return "" if record.status == MeasureStatus.CLOSED else LABELS[table.lights.light(value)]


class FindingTable(RegisterTable):
    organization = tables.Column(verbose_name="问题单位", order_by="organization__name")
    description = tables.Column(verbose_name="问题描述", linkify=_detail("finding"))
    source = tables.Column(verbose_name="问题来源")
    category = tables.Column(verbose_name="问题类别")
    severity = tables.Column(verbose_name="严重程度")
    discovered_on = tables.DateColumn(verbose_name="发现日期", format="Y-m-d")
    status = tables.Column(verbose_name="状态")
    closed_on = tables.DateColumn(verbose_name="销号日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = Finding
        row_attrs = _marked("finding")
        fields = ("organization", "description", "source", "category", "severity",
                  "discovered_on", "status", "closed_on")

    def render_description(self, value: str) -> str:
        return value if len(value) <= 40 else value[:40] + "…"

    def value_description(self, value: str) -> str:
        return value


class NoticeTable(RegisterTable):
    number = tables.Column(verbose_name="编号", accessor="number", orderable=False,
                           linkify=_detail("notice"), empty_values=())
    title = tables.Column(verbose_name="标题", linkify=_detail("notice"))
    organization = tables.Column(verbose_name="发出范围", order_by="organization__name")
    recipient = tables.Column(verbose_name="接收领导")
    issued_on = tables.DateColumn(verbose_name="签发日期", format="Y-m-d")
    reply_due = tables.DateColumn(verbose_name="回复期限", format="Y-m-d")
    status = tables.Column(verbose_name="状态")

    class Meta(RegisterTable.Meta):
        model = Notice
        row_attrs = _marked("notice")
        fields = ("number", "title", "organization", "recipient", "issued_on", "reply_due",
                  "status")

    def render_number(self, value: str) -> str:
        return value or "（草稿）"


class MeasureTable(RegisterTable):
    description = tables.Column(verbose_name="整改措施", linkify=_detail("measure"))
    unit = tables.Column(verbose_name="问题单位", accessor="finding__organization__name",
                         order_by="finding__organization__name")
    owner = tables.Column(verbose_name="责任人")
    due_on = tables.DateColumn(verbose_name="完成时限", format="Y-m-d")
    light = LightColumn(due="due_on")
    status = tables.Column(verbose_name="状态")
    closed_on = tables.DateColumn(verbose_name="销号日期", format="Y-m-d")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lights = cutoffs()

    class Meta(RegisterTable.Meta):
        model = Measure
        row_attrs = _marked("measure")
        fields = ("description", "unit", "owner", "due_on", "light", "status", "closed_on")

    def render_description(self, value: str) -> str:
        return value if len(value) <= 40 else value[:40] + "…"

    def value_description(self, value: str) -> str:
        return value


class RiskPointTable(RegisterTable):
    organization = tables.Column(verbose_name="单位", order_by="organization__name")
    post = tables.Column(verbose_name="岗位")
    area = tables.Column(verbose_name="风险领域")
    risk = tables.Column(verbose_name="风险描述", linkify=_detail("riskpoint"))
    level = tables.Column(verbose_name="风险等级")
    owner = tables.Column(verbose_name="责任人")
    review_on = tables.DateColumn(verbose_name="复核日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = RiskPoint
        row_attrs = _marked("risk")
        fields = ("organization", "post", "area", "risk", "level", "owner", "review_on")


class SelfCheckTable(RegisterTable):
    organization = tables.Column(verbose_name="自查单位", order_by="organization__name",
                                 linkify=_detail("selfcheck"))
    origin = tables.Column(verbose_name="源问题", accessor="origin__description",
                           order_by="origin__description")
    origin_unit = tables.Column(verbose_name="发现单位", accessor="origin__organization__name",
                                order_by="origin__organization__name")
    due_on = tables.DateColumn(verbose_name="反馈期限", format="Y-m-d")
    answer = tables.Column(verbose_name="自查结果")
    answered_at = tables.DateTimeColumn(verbose_name="反馈时间", format="Y-m-d H:i")

    class Meta(RegisterTable.Meta):
        model = SelfCheck
        row_attrs = _marked("selfcheck")
        fields = ("organization", "origin", "origin_unit", "due_on", "answer", "answered_at")

    def render_answer(self, value: str) -> str:
        return value or "待反馈"

    def render_origin(self, value: str) -> str:
        return value if len(value) <= 40 else value[:40] + "…"


class AccountabilityTable(RegisterTable):
    organization = tables.Column(verbose_name="被问责组织", order_by="organization__name")
    person = tables.Column(verbose_name="被问责领导干部")
    reason = tables.Column(verbose_name="事由", linkify=_detail("accountability"))
    form = tables.Column(verbose_name="问责方式")
    status = tables.Column(verbose_name="状态")
    decided_on = tables.DateColumn(verbose_name="决定日期", format="Y-m-d")
    complete_by = tables.DateColumn(verbose_name="手续完成期限", format="Y-m-d")
    completed_on = tables.DateColumn(verbose_name="手续完成日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = Accountability
        row_attrs = _marked("accountability")
        fields = ("organization", "person", "reason", "form", "status", "decided_on",
                  "complete_by", "completed_on")

    def render_reason(self, value: str) -> str:
        return value if len(value) <= 40 else value[:40] + "…"


class ProgressTable(RegisterTable):
    created_at = tables.DateTimeColumn(verbose_name="报告时间", format="Y-m-d H:i")
    text = tables.Column(verbose_name="进展情况")
    author = tables.Column(verbose_name="报告人")
    correct = tables.Column(verbose_name="", empty_values=(), orderable=False)

    class Meta(RegisterTable.Meta):
        model = Progress
        fields = ("created_at", "text", "author", "correct")
        orderable = False

    def render_correct(self, record: Progress) -> str:
        """A wrong entry is corrected by a new one naming it (``progress-correct``)."""
        if record.corrects_id or hasattr(record, "correction"):
            return "已更正" if hasattr(record, "correction") else "（更正）"
        url = reverse("oversight:progress-correct", args=[record.measure_id, record.pk])
        return format_html('<a href="{}">更正</a>', url)


class EvidenceTable(RegisterTable):
    original_name = tables.Column(
        verbose_name="文件", linkify=lambda record: reverse("oversight:evidence",
                                                          args=[record.pk]))
    proves_date = tables.DateColumn(verbose_name="佐证日期", format="Y-m-d")
    uploaded_by = tables.Column(verbose_name="上传人")
    uploaded_at = tables.DateTimeColumn(verbose_name="上传时间", format="Y-m-d H:i")

    class Meta(RegisterTable.Meta):
        model = Evidence
        fields = ("original_name", "proves_date", "uploaded_by", "uploaded_at")
        orderable = False


class VerificationTable(RegisterTable):
    created_at = tables.DateTimeColumn(verbose_name="核查时间", format="Y-m-d H:i")
    decision = tables.Column(verbose_name="核查结论")
    comment = tables.Column(verbose_name="核查意见")
    inspector = tables.Column(verbose_name="核查人")

    class Meta(RegisterTable.Meta):
        model = Verification
        fields = ("created_at", "decision", "comment", "inspector")
        orderable = False


class EscalationTable(RegisterTable):
    taken_on = tables.DateColumn(verbose_name="日期", format="Y-m-d")
    step = tables.Column(verbose_name="督办步骤")

    class Meta(RegisterTable.Meta):
        model = Escalation
        fields = ("taken_on", "step")
        orderable = False


class RecheckTable(RegisterTable):
    checked_on = tables.DateColumn(verbose_name="回头看日期", format="Y-m-d")
    checked_by = tables.Column(verbose_name="检查人")
    result = tables.Column(verbose_name="结果")
    note = tables.Column(verbose_name="情况说明")
    relapse = tables.Column(verbose_name="反弹问题", linkify=lambda record: reverse(
        "oversight:finding_detail", args=[record.relapse_id]) if record.relapse_id else None)

    class Meta(RegisterTable.Meta):
        model = Recheck
        fields = ("checked_on", "checked_by", "result", "note", "relapse")
        orderable = False


class InspectionTable(RegisterTable):
    inspected_on = tables.DateColumn(verbose_name="检查日期", format="Y-m-d",
                                     linkify=_detail("inspection"))
    organizer = tables.Column(verbose_name="组织检查的分管领导", order_by="organizer__name")
    targets = tables.ManyToManyColumn(verbose_name="被检查单位", orderable=False)
    topics = tables.Column(verbose_name="检查内容", accessor="topics_text", orderable=False)
    findings = tables.Column(verbose_name="发现问题", accessor="finding_count",
                             orderable=False, default=0)

    class Meta(RegisterTable.Meta):
        model = Inspection
        row_attrs = _marked("inspection")
        fields = ("inspected_on", "organizer", "targets", "topics", "findings")


class InspectionFileTable(RegisterTable):
    original_name = tables.Column(
        verbose_name="文件", linkify=lambda record: reverse("oversight:inspection-file",
                                                          args=[record.pk]))
    uploaded_by = tables.Column(verbose_name="上传人")
    uploaded_at = tables.DateTimeColumn(verbose_name="上传时间", format="Y-m-d H:i")

    class Meta(RegisterTable.Meta):
        model = InspectionFile
        fields = ("original_name", "uploaded_by", "uploaded_at")
        orderable = False


class InspectionItemTable(RegisterTable):
    class Meta(RegisterTable.Meta):
        model = InspectionItem
        fields = ("topic", "text", "result", "note")
        orderable = False


class CampaignTable(RegisterTable):
    name = tables.Column(verbose_name="名称", linkify=_detail("campaign"))
    starts_on = tables.DateColumn(verbose_name="开始日期", format="Y-m-d")
    ends_on = tables.DateColumn(verbose_name="结束日期", format="Y-m-d")
    findings = tables.Column(verbose_name="问题数", accessor="finding_count", orderable=False,
                             default=0)

    class Meta(RegisterTable.Meta):
        model = Campaign
        row_attrs = _marked("campaign")
        fields = ("name", "organization", "starts_on", "ends_on", "findings")


class CampaignProgressTable(RegisterTable):
    """A campaign's figures, one row (``services.campaigns.CampaignProgress``)."""

    findings_open = tables.Column(verbose_name="问题未销号")
    findings_closed = tables.Column(verbose_name="问题已销号")
    measures_closed_on_time = tables.Column(verbose_name="措施按期销号")
    measures_closed_late = tables.Column(verbose_name="措施逾期销号")
    measures_open_on_time = tables.Column(verbose_name="措施在期未完成")
    measures_overdue = tables.Column(verbose_name="措施逾期未完成")
    plans = tables.Column(verbose_name="工作部署")
    tasks = tables.Column(verbose_name="任务完成", accessor="tasks_done")

    class Meta(RegisterTable.Meta):
        orderable = False
        attrs = {"class": "register", "data-testid": "campaign-progress"}

    def render_tasks(self, record: Any) -> str:
        return f"{record.tasks_done}/{record.tasks_total}（{record.task_rate}）"


class LinkedPlanTable(RegisterTable):
    label = tables.Column(verbose_name="工作部署", linkify=lambda record: record.url)
    done = tables.Column(verbose_name="已完成任务")
    total = tables.Column(verbose_name="任务数")

    class Meta(RegisterTable.Meta):
        orderable = False
        empty_text = "尚未关联工作部署"


class NoticeActionTable(RegisterTable):
    class Meta(RegisterTable.Meta):
        model = NoticeAction
        fields = ("kind", "taken_on", "person", "note")
        orderable = False
        empty_text = "回复未列明措施"
