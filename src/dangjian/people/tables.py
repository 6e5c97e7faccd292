"""The persons register and a person's posts and 分管 as tables. Personal data only ever
appears masked here, so a list, its print and its export carry no full ID or phone."""

from typing import Any

import django_tables2 as tables
from django.urls import reverse

from dangjian.core.lists import RegisterTable

from .models import Charge, Person, Post


def _person(record: Any) -> str:
    person = record if isinstance(record, Person) else record.person
    return reverse("people:person_detail", args=[person.pk])


def _organization(record: Any) -> str:
    return reverse("orgs:organization_detail", args=[record.organization_id])


class PersonTable(RegisterTable):
    name = tables.Column(verbose_name="姓名", linkify=_person)
    gender = tables.Column(verbose_name="性别")
    party_status = tables.Column(verbose_name="政治面貌")
    organization = tables.Column(verbose_name="所在组织", order_by="organization__name")
    id_number_masked = tables.Column(verbose_name="身份证号", orderable=False)
    phone_masked = tables.Column(verbose_name="手机号", orderable=False)

    class Meta(RegisterTable.Meta):
        model = Person
        fields = ("name", "gender", "party_status", "organization", "id_number_masked",
                  "phone_masked")
        row_attrs: dict[str, Any] = {"data-testid": lambda record: f"person-{record.pk}"}


class PostTable(RegisterTable):
    person = tables.Column(verbose_name="人员", linkify=_person)
    organization = tables.Column(verbose_name="组织", linkify=_organization)
    title = tables.Column(verbose_name="职务")
    duty = tables.Column(verbose_name="分工")
    start_on = tables.DateColumn(verbose_name="任职日期", format="Y-m-d")
    end_on = tables.DateColumn(verbose_name="离任日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = Post
        fields = ("person", "organization", "title", "duty", "start_on", "end_on")
        empty_text = "暂无职务"


class ChargeTable(RegisterTable):
    leader = tables.Column(verbose_name="分管领导")
    organization = tables.Column(verbose_name="分管单位", linkify=_organization)
    start_on = tables.DateColumn(verbose_name="开始日期", format="Y-m-d")
    end_on = tables.DateColumn(verbose_name="结束日期", format="Y-m-d")

    class Meta(RegisterTable.Meta):
        model = Charge
        fields = ("leader", "organization", "start_on", "end_on")
        empty_text = "暂无分管领导"
