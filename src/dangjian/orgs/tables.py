"""The organisation register as a table (its list page, export and detail sections)."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse

from dangjian.core.lists import RegisterTable

from .models import Organization


def _detail(record: Organization) -> str:
    return reverse("orgs:organization_detail", args=[record.pk])


class OrganizationTable(RegisterTable):
    name = tables.Column(verbose_name="名称", linkify=_detail)
    kind = tables.Column(verbose_name="类型")
    code = tables.Column(verbose_name="组织代码")
    parent = tables.Column(verbose_name="上级组织", order_by="parent__name")
    numchild = tables.Column(verbose_name="下级数")

    class Meta(RegisterTable.Meta):
        model = Organization
        fields = ("name", "kind", "code", "parent", "numchild")
        row_attrs: dict[str, Any] = {"data-testid": lambda record: f"organization-{record.pk}"}
