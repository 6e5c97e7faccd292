"""Refusals and failures in Chinese with DEBUG off, as production runs: pages get the site's
403/404/500 pages, the API a JSON ``detail`` (issue 11 item 8)."""

import pytest
from django.test import Client, override_settings

from dangjian.access.models import User

CHINESE = {403: "没有", 404: "不存在", 500: "系统"}
pytestmark = [pytest.mark.django_db]


def _chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


@pytest.fixture
def failing_client(user: object) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user("finance_clerk"))  # type: ignore[operator]
    return client


@override_settings(DEBUG=False, ROOT_URLCONF="tests.web.error_urls")
@pytest.mark.parametrize(("route", "status"), [("refuse/", 403), ("missing/", 404),
                                               ("crash/", 500)])
def test_a_page_fails_in_chinese(failing_client: Client, route: str, status: int) -> None:
    response = failing_client.get(f"/failing/{route}")
    assert response.status_code == status
    html = response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="zh-CN">' in html and CHINESE[status] in html
    assert "Traceback" not in html and "not for you" not in html and "a bug" not in html


@override_settings(DEBUG=False, ROOT_URLCONF="tests.web.error_urls")
@pytest.mark.parametrize(("route", "status"), [("refuse/", 403), ("missing/", 404),
                                               ("crash/", 500)])
def test_the_api_fails_in_chinese_json(failing_client: Client, route: str, status: int) -> None:
    response = failing_client.get(f"/api/v1/failing/{route}")
    assert response.status_code == status
    detail = response.json()["detail"]
    assert _chinese(detail) and "a bug" not in detail


@override_settings(DEBUG=False)
def test_real_refusals_answer_in_chinese(failing_client: Client) -> None:
    missing_page = failing_client.get("/oversight/no-such-page/")
    assert missing_page.status_code == 404 and "页面不存在" in missing_page.content.decode()
    missing_record = failing_client.get("/api/v1/tasks/999999999/")
    assert missing_record.status_code == 404 and "查看范围" in missing_record.json()["detail"]
    admin = Client()  # the system administrator (三员) sees no business data nor the audit log
    admin.force_login(User.objects.get(username="admin"))
    refused_page = admin.get("/audit/")
    assert refused_page.status_code == 403 and "无权访问" in refused_page.content.decode()
    refused_api = admin.get("/api/v1/audit-events/")
    assert refused_api.status_code == 403 and _chinese(refused_api.json()["detail"])
