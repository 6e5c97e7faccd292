"""The oversight registers as tables (list pages, their exports, detail sections)."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from dangjian.core.lists import RegisterTable

from .models import Finding, Measure, MeasureStatus, Notice, RiskPoint
from .services.lights import LABELS, cutoffs


def _detail(name: str) -> Any:
    return lambda record: reverse(f"oversight:{name}_detail", args=[record.pk])


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
        fields = ("organization", "post", "area", "risk", "level", "owner", "review_on")
