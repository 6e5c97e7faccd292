"""The assessment registers as tables (list pages, exports, detail sections)."""

from typing import Any

import django_tables2 as tables
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from dangjian.core.lists import RegisterTable

from .models import Appeal, Indicator, Method, Scheme, Score
from .providers import KEYS

ENTERED = (Method.MANUAL, Method.EVALUATION, Method.BONUS)


def _detail(name: str) -> Any:
    return lambda record: reverse(f"assessment:{name}_detail", args=[record.pk])


def _marked(name: str) -> dict[str, Any]:
    return {"data-testid": lambda record: f"{name}-{record.pk}",
            "id": lambda record: f"{name}-{record.pk}"}


class SchemeTable(RegisterTable):
    year = tables.Column(verbose_name="年度")
    name = tables.Column(verbose_name="方案名称", linkify=_detail("scheme"))
    target_kind = tables.Column(verbose_name="考核对象")
    organization = tables.Column(verbose_name="考核范围", order_by="organization__name")
    total_points = tables.Column(verbose_name="总分")
    status = tables.Column(verbose_name="状态")

    class Meta(RegisterTable.Meta):
        model = Scheme
        fields = ("year", "name", "target_kind", "organization", "total_points", "status")
        row_attrs = _marked("scheme")


class IndicatorTable(RegisterTable):
    """The indicator tree, 一级 rows followed by their 二级 items (indented by code)."""

    code = tables.Column(verbose_name="编号")
    name = tables.Column(verbose_name="指标名称")
    max_points = tables.Column(verbose_name="分值")
    method = tables.Column(verbose_name="计分方式")
    provider = tables.Column(verbose_name="数据来源", empty_values=())
    period = tables.Column(verbose_name="周期")
    citation = tables.Column(verbose_name="依据")
    actions = tables.Column(verbose_name="操作", empty_values=(), orderable=False)

    class Meta(RegisterTable.Meta):
        model = Indicator
        fields = ("code", "name", "max_points", "method", "provider", "period", "citation")
        row_attrs = _marked("indicator")
        orderable = False

    def __init__(self, *args: Any, may_edit: bool = False, may_score: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.may_edit, self.may_score = may_edit, may_score

    def render_method(self, value: str, record: Indicator) -> str:
        return value if record.parent_id else "—"  # a 一级 row sums its items

    def render_actions(self, record: Indicator) -> str:
        links = []
        if self.may_edit:
            links.append(format_html('<a href="{}">编辑</a>', reverse(
                "assessment:indicator-edit", args=[record.pk])))
            links.append(format_html(
                '<form method="post" action="{}" class="inline">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<button type="submit" class="secondary outline" '
                'data-confirm="确定删除该指标吗？">删除</button></form>',
                reverse("assessment:indicator-remove", args=[record.pk]),
                get_token(self.request)))
        if self.may_score and record.parent_id and record.method in ENTERED:
            links.append(format_html('<a href="{}">录入得分</a>', reverse(
                "assessment:score-entry", args=[record.pk])))
        links.append(format_html('<a href="{}?indicator={}">得分</a>',
                                 reverse("assessment:score_list"), record.pk))
        return format_html_join(" ", "{}", ((link,) for link in links))

    def render_name(self, value: str, record: Indicator) -> str:
        return f"　{value}" if record.parent_id else value

    def render_provider(self, value: str, record: Indicator) -> str:
        return KEYS.get(value, value) if value else "—"


class ScoreTable(RegisterTable):
    indicator = tables.Column(verbose_name="指标", order_by=("indicator__order",
                                                             "indicator__code"))
    organization = tables.Column(verbose_name="考核对象", order_by="organization__name")
    period = tables.Column(verbose_name="周期")
    points = tables.Column(verbose_name="得分", linkify=_detail("score"))
    max_points = tables.Column(verbose_name="分值", accessor="indicator__max_points",
                               orderable=False)
    source = tables.Column(verbose_name="来源")
    frozen = tables.BooleanColumn(verbose_name="已锁定", yesno="是,否")

    class Meta(RegisterTable.Meta):
        model = Score
        fields = ("indicator", "organization", "period", "points", "max_points", "source",
                  "frozen")
        row_attrs = _marked("score")


class AppealTable(RegisterTable):
    score = tables.Column(verbose_name="得分", linkify=_detail("appeal"), orderable=False)
    organization = tables.Column(verbose_name="考核对象", accessor="score__organization",
                                 order_by="score__organization__name")
    status = tables.Column(verbose_name="状态")
    points_before = tables.Column(verbose_name="原得分")
    points_after = tables.Column(verbose_name="复核后得分")
    created_at = tables.DateTimeColumn(verbose_name="申请时间", format="Y-m-d H:i")

    class Meta(RegisterTable.Meta):
        model = Appeal
        fields = ("score", "organization", "status", "points_before", "points_after",
                  "created_at")
        row_attrs = _marked("appeal")
