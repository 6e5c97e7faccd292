from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from dangjian.calendar.lights import LABELS, cutoffs
from dangjian.core.lists import RegisterTable

from .models import CatalogueItem, Disclosure, DisclosureRequest, DisclosureStatus, Feedback
from .rules import local_settings
from .services.requests import is_overdue


def _detail(name: str) -> Any:
    return lambda record: reverse(f"openness:{name}_detail", args=[record.pk])


def _red(overdue: bool) -> SafeString | str:
    return format_html('<span class="light light-{}">{}</span>', "red", "逾期") if overdue else ""


def _late(record: Disclosure) -> bool:
    return (record.published_on is None and record.status != DisclosureStatus.WITHDRAWN
            and record.due_on < timezone.localdate())


def _marked(name: str) -> dict[str, Any]:
    return {"data-testid": lambda record: f"{name}-{record.pk}",
            "id": lambda record: f"{name}-{record.pk}"}


class CatalogueTable(RegisterTable):
    organization = tables.Column(verbose_name="公开主体", order_by="organization__name")
    year = tables.Column(verbose_name="年度")
    domain = tables.Column(verbose_name="类别")
    content = tables.Column(verbose_name="公开内容")
    audience = tables.Column(verbose_name="公开范围")
    cadence = tables.Column(verbose_name="公开时限")
    channel = tables.Column(verbose_name="公开方式")
    responsible = tables.Column(verbose_name="责任人")
    inside_first = tables.BooleanColumn(verbose_name="须先党内", yesno="是,")
    active = tables.Column(verbose_name="操作", empty_values=(), orderable=False)

    class Meta(RegisterTable.Meta):
        model = CatalogueItem
        row_attrs = _marked("item")
        fields = ("organization", "year", "domain", "content", "audience", "cadence", "channel",
                  "responsible", "inside_first", "active")

    def render_active(self, record: CatalogueItem) -> SafeString | str:
        if not record.active:
            return "已停用"
        return format_html('<a href="{}">修改</a> <a href="{}">停用</a>',
                           reverse("openness:item-edit", args=[record.pk]),
                           reverse("openness:item-deactivate", args=[record.pk]))

    def value_active(self, record: CatalogueItem) -> str:
        return "启用" if record.active else "已停用"


class DisclosureTable(RegisterTable):
    organization = tables.Column(verbose_name="公开主体", order_by="organization__name")
    title = tables.Column(verbose_name="标题", linkify=_detail("disclosure"))
    domain = tables.Column(verbose_name="类别")
    audience = tables.Column(verbose_name="公开范围")
    status = tables.Column(verbose_name="状态")
    due_on = tables.DateColumn(verbose_name="应公开日期", format="Y-m-d")
    late = tables.Column(verbose_name="提示", empty_values=(), orderable=False)
    published_on = tables.DateColumn(verbose_name="公开日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = Disclosure
        row_attrs = _marked("disclosure")
        fields = ("organization", "title", "domain", "audience", "status", "due_on", "late",
                  "published_on")

    def render_late(self, record: Disclosure) -> SafeString | str:
        return _red(_late(record))


class FeedbackTable(RegisterTable):
    disclosure = tables.Column(verbose_name="公开事项", linkify=lambda record: reverse(
        "openness:disclosure_detail", args=[record.disclosure_id]))
    text = tables.Column(verbose_name="留言")
    contact_masked = tables.Column(verbose_name="联系方式")
    answer_due = tables.DateColumn(verbose_name="答复期限", format="Y-m-d")
    light = tables.Column(verbose_name="提示", empty_values=(), orderable=False)
    answered_on = tables.DateColumn(verbose_name="答复日期", format="Y-m-d")
    answer = tables.Column(verbose_name="答复", linkify=lambda record: reverse(
        "openness:feedback-answer", args=[record.pk]), empty_values=())

    class Meta(RegisterTable.Meta):
        model = Feedback
        row_attrs = _marked("feedback")
        fields = ("disclosure", "text", "contact_masked", "answer_due", "light", "answered_on",
                  "answer")

    def render_light(self, record: Feedback) -> SafeString | str:
        """红黄绿灯 of an unanswered message against its answer deadline (working days)."""
        if record.answered_on is not None:
            return ""
        cut = cutoffs(yellow_working_days=local_settings().feedback_yellow_working_days)
        light = cut.light(record.answer_due)
        return format_html('<span class="light light-{}">{}</span>', light, LABELS[light])

    def render_answer(self, value: str) -> str:
        return value or "答复"


class RequestTable(RegisterTable):
    organization = tables.Column(verbose_name="受理单位", order_by="organization__name")
    content = tables.Column(verbose_name="申请内容", linkify=_detail("request"))
    received_on = tables.DateColumn(verbose_name="收到日期", format="Y-m-d")
    due_on = tables.DateColumn(verbose_name="答复期限", format="Y-m-d")
    late = tables.Column(verbose_name="提示", empty_values=(), orderable=False)
    decision = tables.Column(verbose_name="答复类型")
    decided_on = tables.DateColumn(verbose_name="答复日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = DisclosureRequest
        row_attrs = _marked("request")
        fields = ("organization", "content", "received_on", "due_on", "late", "decision",
                  "decided_on")

    def render_late(self, record: DisclosureRequest) -> SafeString | str:
        return _red(is_overdue(record))
