"""The audit log on the page kernel: the 审计管理员 only; filters (action, user, dates, object,
result); export, itself audited; one event's page with its before and after in words."""

import io
from collections.abc import Callable

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.audit.services import record
from tests.web.walk import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def auditor(user: Callable[[str], User]) -> Client:
    client = Client()
    client.force_login(user("auditor"))
    return client


@pytest.mark.parametrize("username", ROLES)
def test_only_the_audit_administrator_opens_the_log_and_its_events(
    username: str, user: Callable[[str], User],
) -> None:
    client = Client()
    client.force_login(user(username))
    event = AuditEvent.objects.order_by("-id").first()
    assert event is not None
    expected = 200 if username == "auditor" else 403
    assert client.get("/audit/").status_code == expected
    assert client.get(f"/audit/{event.pk}/").status_code == expected
    assert client.get("/audit/", {"export": "xlsx"}).status_code == expected


def test_the_log_filters_by_action_user_result_and_date(
    auditor: Client, user: Callable[[str], User],
) -> None:
    Client().post("/login/", {"username": "member", "password": "wrong"})
    text = auditor.get("/audit/", {"action": "login_failed", "username": "member",
                                   "success": "false"}).content.decode()
    rows = text.split('data-testid="audit-events"')[1]
    assert "登录失败" in rows and "member" in rows and "载入演示数据" not in rows
    today = timezone.localdate().isoformat()
    assert "共 0 条" in auditor.get("/audit/", {"action": "login_failed", "success": "true"}
                                    ).content.decode()
    assert "共 0 条" not in auditor.get("/audit/", {"date_from": today, "date_to": today}
                                        ).content.decode()
    bad = auditor.get("/audit/", {"date_from": "明天"}).content.decode()
    assert "共 0 条" in bad and "field-error" in bad  # a wrong date is named, not ignored


def test_the_export_holds_the_filtered_events_by_name_and_is_audited(auditor: Client) -> None:
    Client().post("/login/", {"username": "member", "password": "wrong"})
    wanted = AuditEvent.objects.filter(action="login_failed").count()
    response = auditor.get("/audit/", {"action": "login_failed", "export": "xlsx"})
    values = [list(r) for r in load_workbook(io.BytesIO(response.content)).active.iter_rows(
        values_only=True)]
    assert len(values[2:]) == wanted and {row[3] for row in values[2:]} == {"登录失败"}
    event = AuditEvent.objects.filter(action="register.export").latest("id")
    assert event.username == "auditor" and event.after["rows"] == wanted


def test_an_event_page_shows_before_and_after_in_readable_form(
    auditor: Client, user: Callable[[str], User],
) -> None:
    record(actor=user("finance_clerk"), action="duties.item_update", target=None,
           before={"text": "旧的责任内容", "active": True},
           after={"text": "新的责任内容", "active": False, "spans": [1, 2]})
    event = AuditEvent.objects.filter(action="duties.item_update").latest("id")
    text = auditor.get(f"/audit/{event.pk}/").content.decode()
    before = text.split('data-testid="before"')[1].split('data-testid="after"')[0]
    after = text.split('data-testid="after"')[1]
    assert "旧的责任内容" in before and "是" in before
    assert "新的责任内容" in after and "否" in after
    assert "修改责任事项" in text  # the code by its Chinese name
    assert "finance_clerk" in text and event.hash in text
