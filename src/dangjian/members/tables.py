"""The members registers as tables: 发展党员档案, their steps, 学习培训 and 走访慰问."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join

from dangjian.core.lists import RegisterTable

from .models import Candidate, Step, StudyRecord, Visit
from .services.due import next_due


def _detail(name: str) -> Any:
    return lambda record: reverse(f"members:{name}_detail", args=[record.pk])


class CandidateTable(RegisterTable):
    person = tables.Column(verbose_name="姓名", accessor="person__name",
                           order_by="person__name", linkify=_detail("candidate"))
    organization = tables.Column(verbose_name="党支部", order_by="organization__path")
    status = tables.Column(verbose_name="政治面貌", accessor="status", orderable=False,
                           empty_values=())
    current_step = tables.Column(verbose_name="已完成")
    due = tables.Column(verbose_name="下一步与期限", accessor="pk", orderable=False)
    probation_ends_on = tables.DateColumn(verbose_name="预备期满", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = Candidate
        fields = ("person", "organization", "status", "current_step", "due",
                  "probation_ends_on")
        row_attrs = {"data-testid": lambda record: f"candidate-{record.pk}"}

    def render_current_step(self, value: int, record: Candidate) -> str:
        return f"第{value}步（{record.stage}）"

    def value_current_step(self, value: int, record: Candidate) -> str:
        return self.render_current_step(value, record)

    def _due(self, record: Candidate) -> list[Any]:
        return next_due(record, timezone.localdate())

    def render_due(self, record: Candidate) -> Any:
        items = self._due(record)
        if not items:
            return "—"
        return format_html_join("", '<div class="{}">{}</div>', (
            ("light-red" if item.overdue else "", _due_text(item)) for item in items))

    def value_due(self, record: Candidate) -> str:
        return "；".join(_due_text(item) for item in self._due(record))


def _due_text(item: Any) -> str:
    text = f"第{item.step}步 {item.name}"
    if item.earliest:
        text += f"，{item.earliest:%Y-%m-%d}起"
    if item.due:
        text += f"，{item.due:%Y-%m-%d}前" + ("（暂定）" if item.provisional else "")
    if item.overdue:
        text += "（已逾期）"
    return text


class StepTable(RegisterTable):
    number = tables.Column(verbose_name="步骤")
    name = tables.Column(verbose_name="名称", accessor="number", orderable=False)
    date = tables.DateColumn(verbose_name="日期", format="Y-m-d")
    document = tables.Column(verbose_name="文书（名称、编号）")
    note = tables.Column(verbose_name="说明")
    recorded_by = tables.Column(verbose_name="录入人")

    class Meta(RegisterTable.Meta):
        model = Step
        fields = ("number", "name", "date", "document", "note", "recorded_by")
        orderable = False
        empty_text = "尚未记录步骤"

    def render_number(self, value: int) -> str:
        return f"第{value}步"

    def render_name(self, record: Step) -> str:
        return record.name

    def render_recorded_by(self, value: Any) -> str:
        return str(value)


class StudyRecordTable(RegisterTable):
    date = tables.DateColumn(verbose_name="日期", format="Y-m-d")
    kind = tables.Column(verbose_name="类型")
    who = tables.Column(verbose_name="党员或领导班子", accessor="pk", orderable=False)
    topic = tables.Column(verbose_name="主题", linkify=_detail("studyrecord"))
    hours = tables.Column(verbose_name="学时")

    class Meta(RegisterTable.Meta):
        model = StudyRecord
        fields = ("date", "kind", "who", "topic", "hours")
        row_attrs = {"data-testid": lambda record: f"study-{record.pk}"}

    def render_who(self, record: StudyRecord) -> str:
        return record.person.name if record.person else record.organization.name

    def value_who(self, record: StudyRecord) -> str:
        return self.render_who(record)


class VisitTable(RegisterTable):
    date = tables.DateColumn(verbose_name="走访日期", format="Y-m-d")
    person = tables.Column(verbose_name="慰问对象", accessor="person__name",
                           order_by="person__name", linkify=_detail("visit"))
    organization = tables.Column(verbose_name="所在组织", order_by="organization__path")
    kind = tables.Column(verbose_name="对象类别")
    campaign = tables.Column(verbose_name="慰问活动")
    visitors = tables.Column(verbose_name="走访人员", accessor="pk", orderable=False)
    gifts = tables.Column(verbose_name="慰问品、慰问金")
    follow_up = tables.Column(verbose_name="后续需求")

    class Meta(RegisterTable.Meta):
        model = Visit
        fields = ("date", "person", "organization", "kind", "campaign", "visitors", "gifts",
                  "follow_up")
        row_attrs = {"data-testid": lambda record: f"visit-{record.pk}"}

    def render_visitors(self, record: Visit) -> str:
        names = [p.name for p in record.visitors.all()]
        if record.other_visitors:
            names.append(record.other_visitors)
        return "、".join(names) or "—"

    def value_visitors(self, record: Visit) -> str:
        return self.render_visitors(record)


