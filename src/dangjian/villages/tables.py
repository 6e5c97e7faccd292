"""The villages register as a table: 村集体经济收入."""

import django_tables2 as tables
from django.urls import reverse

from dangjian.core.lists import RegisterTable

from .models import Income


class IncomeTable(RegisterTable):
    organization = tables.Column(verbose_name="村/社区", order_by="organization__path",
                                 linkify=lambda record: reverse("villages:income_detail",
                                                                args=[record.pk]))
    year = tables.Column(verbose_name="年度")
    total = tables.Column(verbose_name="总收入（万元）", accessor="pk", orderable=False)
    operating_income = tables.Column(verbose_name="经营性收入（万元）", accessor="pk",
                                     orderable=False)
    status = tables.Column(verbose_name="状态")
    comment = tables.Column(verbose_name="审核意见")

    class Meta(RegisterTable.Meta):
        model = Income
        fields = ("organization", "year", "total", "operating_income", "status", "comment")
        row_attrs = {"data-testid": lambda record: f"income-{record.pk}"}

    def render_total(self, record: Income) -> str:
        return str(record.total)

    def value_total(self, record: Income) -> str:
        return str(record.total)

    def render_operating_income(self, record: Income) -> str:
        return str(record.operating_income)

    def value_operating_income(self, record: Income) -> str:
        return str(record.operating_income)
