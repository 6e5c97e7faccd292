"""No 500 and Chinese everywhere (issue 10): hostile bodies, edge dates and ids each get a clear
Chinese 4xx and change nothing."""

import json
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from rest_framework import serializers
from rest_framework.test import APIClient

from dangjian.audit.models import AuditEvent
from dangjian.core import parsers
from dangjian.core.inputs import DateField
from dangjian.oversight.models import Finding, Measure

pytestmark = pytest.mark.django_db

FINDING = {"source": "巡察反馈", "category": "资金监管", "severity": "较重",
           "description": "专项资金拨付审批不规范，未经集体研究"}
EDGE_DATES = ["0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"]


def _raw(client: Client | APIClient, url: str, body: str, method: str = "post") -> Any:
    """Send ``body`` as it is: a JSON text no encoder would write (1e309, deep nesting)."""
    client.raise_request_exception = False  # a 500 is an answer here, to be asserted on
    return getattr(client, method)(url, body, content_type="application/json")


def _chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


@pytest.mark.parametrize("depth", [21, 3000, 100_000])
def test_deeply_nested_json_is_refused_before_sign_in(client: Client, depth: int) -> None:
    before = AuditEvent.objects.count()
    response = _raw(client, "/api/v1/auth/token/", "[" * depth + "]" * depth)
    assert response.status_code == 400
    assert response.json()["detail"] == "请求内容不是有效的 JSON：嵌套超过 20 层，已拒绝"
    assert AuditEvent.objects.count() == before


def test_nesting_inside_strings_is_not_counted(client: Client) -> None:
    body = json.dumps({"username": "[" * 50 + "{" * 50, "password": "x"})
    response = _raw(client, "/api/v1/auth/token/", body)
    assert response.status_code == 401, response.content  # parsed, then the sign-in refused


@pytest.mark.parametrize("url", ["/api/v1/auth/token/", "/api/v1/findings/"])
def test_a_number_too_large_for_any_field_is_refused(
    api_as: Callable[[str], APIClient], url: str,
) -> None:
    body = '{"username": 1e309, "organization": 1e309, "password": -1e999}'
    response = _raw(api_as("inspector"), url, body)
    assert response.status_code == 400
    assert response.json()["detail"] == "请求内容不是有效的 JSON：数值 1e309 超出范围"


def test_an_id_of_1e309_in_a_finding_is_refused_and_nothing_saved(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], today: date,
) -> None:
    before = Finding.objects.count()
    body = json.dumps({**FINDING, "organization": "ID", "discovered_on": str(today)})
    response = _raw(api_as("inspector"), "/api/v1/findings/", body.replace('"ID"', "1e309"))
    assert response.status_code == 400 and "超出范围" in response.json()["detail"]
    assert Finding.objects.count() == before


def test_a_body_over_the_size_limit_is_refused_in_chinese(client: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    body = json.dumps({"username": "x" * (1024 * 1024), "password": "x"})
    response = _raw(client, "/api/v1/auth/token/", body)
    assert response.status_code == 413
    assert response.json()["detail"] == "请求内容过大：不能超过 1 MB"


@pytest.mark.parametrize(("body", "message"), [
    (b"{bad", "请求内容不是有效的 JSON：第 1 行第 2 列有误"),
    (b"null", "未提交任何数据"),
    (b'{"username": NaN}', "请求内容不是有效的 JSON：不接受 NaN"),
    (b'"\xff"', "请求内容不是有效的 JSON：字符编码应为 utf-8"),
])
def test_parse_errors_and_empty_bodies_are_in_chinese(
    client: Client, body: bytes, message: str,
) -> None:
    client.raise_request_exception = False
    response = client.post("/api/v1/auth/token/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"] == message


def test_a_broken_multipart_body_is_refused_in_chinese(api_as: Callable[[str], APIClient]
                                                       ) -> None:
    client = api_as("finance_clerk")
    response = client.generic("POST", "/api/v1/measures/1/evidence/", b"--x\r\nbroken",
                              content_type="multipart/form-data; boundary=")
    assert response.status_code == 400
    assert response.json()["detail"] == "上传的表单格式有误，无法读取"


def test_a_session_request_without_csrf_is_refused_in_chinese(
    demo_password: str, org: Callable[[str], Any], today: date,
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.login(username="inspector", password=demo_password)
    before = Finding.objects.count()
    response = client.post("/api/v1/findings/", {**FINDING, "organization": org("县财政局").pk,
                                                  "discovered_on": str(today)},
                           content_type="application/json")
    assert response.status_code == 403
    assert response.json()["detail"].startswith("CSRF 校验失败")
    assert Finding.objects.count() == before


@pytest.mark.parametrize("on", EDGE_DATES)
def test_edge_dates_on_the_api_are_refused_and_nothing_saved(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any], on: str,
) -> None:
    before = Finding.objects.count()
    response = api_as("inspector").post("/api/v1/findings/", {
        **FINDING, "organization": org("县财政局").pk, "discovered_on": on}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["discovered_on"] == [
        "发现日期超出允许的范围：须在 1900年01月01日 至 2100年12月31日 之间"]
    assert Finding.objects.count() == before


@pytest.mark.parametrize("on", EDGE_DATES)
def test_edge_dates_on_a_measure_edit_are_refused(
    api_as: Callable[[str], APIClient], raise_finding: Callable[..., dict],
    add_measure: Callable[..., dict], on: str,
) -> None:
    measure = add_measure(raise_finding())
    response = api_as("finance_clerk").patch(f"/api/v1/measures/{measure['id']}/", {
        "due_on": on, "version": measure["version"]}, format="json")
    assert response.status_code == 400 and "超出允许的范围" in response.json()["detail"]
    assert str(Measure.objects.get(pk=measure["id"]).due_on) == measure["due_on"]


@pytest.mark.parametrize("on", EDGE_DATES)
def test_edge_dates_on_a_page_form_are_refused_with_a_message(
    demo_password: str, org: Callable[[str], Any], on: str,
) -> None:
    client = Client()
    client.login(username="inspector", password=demo_password)
    before = Finding.objects.count()
    response = client.post("/oversight/findings/new/", {
        **FINDING, "organization": org("县财政局").pk, "discovered_on": on}, follow=True)
    assert response.status_code == 200
    # Shown inside the form beside the date (issue 11 item 8), not as a banner.
    assert [str(m) for m in response.context["messages"]] == []
    assert ('<a href="#finding-discovered_on">发现日期</a>：'
            "发现日期超出允许的范围：须在 1900年01月01日 至 2100年12月31日 之间"
            ) in response.content.decode()
    assert Finding.objects.count() == before


def test_a_finding_before_1949_is_refused_naming_the_rule(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    before = Finding.objects.count()
    response = api_as("inspector").post("/api/v1/findings/", {
        **FINDING, "organization": org("县财政局").pk, "discovered_on": "1900-01-01"},
        format="json")
    assert response.status_code == 400
    message = response.json()["errors"]["discovered_on"][0]
    assert message.startswith("发现日期（1900年01月01日）早于1949年，不可能属实")
    assert "本地约定" in message  # the rule's source
    assert Finding.objects.count() == before


def test_a_finding_before_its_organisation_was_founded_is_refused(
    api_as: Callable[[str], APIClient], org: Callable[[str], Any],
) -> None:
    unit = org("县财政局")
    unit.founded_on = timezone.localdate() - timedelta(days=100)
    unit.save(update_fields=["founded_on"])
    response = api_as("inspector").post("/api/v1/findings/", {
        **FINDING, "organization": unit.pk,
        "discovered_on": str(unit.founded_on - timedelta(days=1))}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["discovered_on"] == [
        f"发现日期早于该组织的成立日期（{unit.founded_on:%Y年%m月%d日}）"]
    accepted = api_as("inspector").post("/api/v1/findings/", {
        **FINDING, "organization": unit.pk, "discovered_on": str(unit.founded_on)},
        format="json")
    assert accepted.status_code == 201, accepted.content


def test_pages_answer_their_refusals_in_chinese(client: Client, demo_password: str) -> None:
    client.login(username="finance_clerk", password=demo_password)
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404 and "页面不存在" in missing.content.decode()
    csrf = Client(enforce_csrf_checks=True).post("/login/", {"username": "x"})
    assert csrf.status_code == 403 and "表单校验（CSRF）失败" in csrf.content.decode()


def _api_views(patterns: list[Any]) -> list[Any]:
    views = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            views += _api_views(pattern.url_patterns)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "cls", None)
            if view is not None:
                views.append(view)
    return views


def test_every_api_date_field_is_the_bounded_one() -> None:
    """Every serializer module's classes, declared and built from models alike."""
    import importlib
    import pkgutil

    import dangjian

    unbounded, bounded = [], 0
    for module_info in pkgutil.walk_packages(dangjian.__path__, "dangjian."):
        if not module_info.name.endswith(".serializers"):
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, serializers.Serializer)
                    and value.__module__ == module.__name__):
                try:
                    fields = value().fields
                except Exception:  # noqa: S112 - needs context; checked by the API tests
                    continue
                dates = {name: field for name, field in fields.items()
                         if isinstance(field, serializers.DateField)
                         and not isinstance(field, serializers.DateTimeField)}
                unbounded += [f"{value.__name__}.{name}" for name, field in dates.items()
                              if not isinstance(field, DateField)]
                bounded += len(dates)
    assert unbounded == []
    assert bounded > 30  # the check saw the serializers (declared and model-built dates)


def test_every_api_view_parses_with_the_bounded_parsers() -> None:
    ours = (parsers.JSONParser, parsers.FormParser, parsers.MultiPartParser)
    views = _api_views(get_resolver().url_patterns)
    loose = sorted({f"{view.__module__}.{view.__name__}" for view in views
                    for parser in getattr(view, "parser_classes", ours) if parser not in ours})
    assert loose == []
    assert len(views) > 30  # the walk reached the API's views
