"""The meetings register as tables (list page, its export, the detail's sections)."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse

from dangjian.core.lists import RegisterTable

from .models import AgendaItem, Attachment, Attendance, Meeting


class MeetingTable(RegisterTable):
    held_on = tables.DateColumn(verbose_name="日期", format="Y-m-d")
    organization = tables.Column(verbose_name="组织", order_by="organization__path")
    kind = tables.Column(verbose_name="类型")
    topic = tables.Column(verbose_name="议题", linkify=lambda record: reverse(
        "orglife:meeting_detail", args=[record.pk]))
    expected = tables.Column(verbose_name="应到")
    present = tables.Column(verbose_name="实到")
    chair = tables.Column(verbose_name="主持人", accessor="chair__name", order_by="chair__name")

    class Meta(RegisterTable.Meta):
        model = Meeting
        fields = ("held_on", "organization", "kind", "topic", "expected", "present", "chair")
        row_attrs = {"data-testid": lambda record: f"meeting-{record.pk}"}

    def render_topic(self, value: str) -> str:
        return value if len(value) <= 40 else value[:40] + "…"

    def value_topic(self, value: str) -> str:
        return value


class AttendanceTable(RegisterTable):
    person = tables.Column(verbose_name="姓名", accessor="person__name")
    present = tables.BooleanColumn(verbose_name="到会", yesno="到会,缺席")
    absence_reason = tables.Column(verbose_name="缺席原因")
    voting = tables.BooleanColumn(verbose_name="表决权", yesno="有,无")

    class Meta(RegisterTable.Meta):
        model = Attendance
        fields = ("person", "present", "absence_reason", "voting")
        orderable = False


class AttachmentTable(RegisterTable):
    kind = tables.Column(verbose_name="类别")
    original_name = tables.Column(verbose_name="文件", linkify=lambda record: reverse(
        "orglife:attachment", args=[record.pk]))
    uploaded_by = tables.Column(verbose_name="上传人")
    uploaded_at = tables.DateTimeColumn(verbose_name="上传时间", format="Y-m-d H:i")

    class Meta(RegisterTable.Meta):
        model = Attachment
        fields = ("kind", "original_name", "uploaded_by", "uploaded_at")
        orderable = False
        empty_text = "尚未上传签到表或照片"

    def render_uploaded_by(self, value: Any) -> str:
        return str(value)


class AgendaTable(RegisterTable):
    """A 党组（党委）会议's 议题 with their tags (the duty proofs read the tags)."""

    order = tables.Column(verbose_name="序号")
    title = tables.Column(verbose_name="议题")
    tags = tables.Column(verbose_name="标签", empty_values=())

    class Meta(RegisterTable.Meta):
        model = AgendaItem
        fields = ("order", "title", "tags")
        orderable = False
        empty_text = "未登记议题"
        row_attrs = {"data-testid": lambda record: f"agenda-{record.order}"}

    def render_tags(self, record: AgendaItem) -> str:
        return "、".join(t.name for t in record.tags.all()) or "—"

    def value_tags(self, record: AgendaItem) -> str:
        return self.render_tags(record)
