"""The duties registers as tables: responsibility lists, their items, fulfilment records."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html_join

from dangjian.core.lists import RegisterTable

from .models import Fulfilment, ResponsibilityItem, ResponsibilityList


def _list(record: Any) -> str:
    rlist = record if isinstance(record, ResponsibilityList) else record.list
    return reverse("duties:list", args=[rlist.pk])


def _item(record: ResponsibilityItem) -> str:
    return reverse("duties:responsibilityitem_detail", args=[record.pk])


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:40] + "…"


class ResponsibilityListTable(RegisterTable):
    title = tables.Column(verbose_name="清单", linkify=_list)
    organization = tables.Column(verbose_name="党组织", order_by="organization__path")
    holder = tables.Column(verbose_name="责任主体")
    person = tables.Column(verbose_name="责任人", order_by="person__name")
    year = tables.Column(verbose_name="年度")

    class Meta(RegisterTable.Meta):
        model = ResponsibilityList
        fields = ("title", "organization", "holder", "person", "year")
        row_attrs: dict[str, Any] = {"data-testid": lambda record: f"list-{record.pk}"}


class ResponsibilityItemTable(RegisterTable):
    text = tables.Column(verbose_name="责任内容", linkify=_item)
    rlist = tables.Column(verbose_name="责任清单", accessor="list__title", linkify=_list,
                          order_by="list__title")
    category = tables.Column(verbose_name="类别")
    period = tables.Column(verbose_name="频次")
    times = tables.Column(verbose_name="每期次数")
    records = tables.Column(verbose_name="履责记实", accessor="records", orderable=True)
    last_done = tables.DateColumn(verbose_name="最近履责", format="Y-m-d",
                                  accessor="last_done")
    active = tables.BooleanColumn(verbose_name="启用", yesno="是,否")

    class Meta(RegisterTable.Meta):
        model = ResponsibilityItem
        fields = ("text", "rlist", "category", "period", "times", "records", "last_done",
                  "active")
        row_attrs: dict[str, Any] = {"data-testid": lambda record: f"item-{record.pk}"}

    def render_text(self, value: str) -> str:
        return _short(value)

    def value_text(self, value: str) -> str:
        return value


class FulfilmentTable(RegisterTable):
    done_on = tables.DateColumn(verbose_name="履责日期", format="Y-m-d")
    description = tables.Column(verbose_name="履责情况")
    recorded_by = tables.Column(verbose_name="记录人")
    evidence = tables.Column(verbose_name="佐证材料", accessor="pk", orderable=False)

    class Meta(RegisterTable.Meta):
        model = Fulfilment
        fields = ("done_on", "description", "recorded_by", "evidence")
        empty_text = "暂无履责记实"
        row_attrs: dict[str, Any] = {"data-testid": lambda record: f"fulfilment-{record.pk}"}

    def render_evidence(self, record: Fulfilment) -> Any:
        files = record.evidence.all()
        if not files:
            return "—"
        return format_html_join("、", '<a href="{}">{}</a>', (
            (reverse("duties:evidence", args=[e.pk]), e.original_name) for e in files))

    def value_evidence(self, record: Fulfilment) -> str:
        return "、".join(e.original_name for e in record.evidence.all())


