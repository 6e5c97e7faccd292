"""A new public message notifies the responsible unit's clerks; its answer deadline (working
days, default 10) shows a light on the register; past it, the message is an overdue to-do."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.calendar.services import add_working_days
from dangjian.core.workbench import gather
from dangjian.notifications.models import Notification
from dangjian.openness.models import Feedback

pytestmark = pytest.mark.django_db
PUBLIC = "/api/v1/public/disclosures/"


def _leave(pk: int, text: str = "请公开明细", ip: str = "203.0.113.20") -> Feedback:
    response = APIClient(REMOTE_ADDR=ip).post(f"{PUBLIC}{pk}/feedback/", {"text": text},
                                              format="json")
    assert response.status_code == 201, response.content
    return Feedback.objects.get(pk=response.json()["id"])


def test_a_new_message_notifies_the_units_clerk_only(
    published: Callable[..., dict[str, Any]], user: Callable[[str], User],
) -> None:
    feedback = _leave(published()["id"], text="留言内容不进通知")
    notices = Notification.objects.filter(kind="openness.feedback")
    assert [n.recipient.username for n in notices] == ["finance_clerk"]
    notice = notices.get()
    assert notice.link == f"/openness/feedback/{feedback.pk}/answer/"
    assert "留言内容不进通知" not in notice.body
    due = feedback.answer_due
    assert f"{due.year}年{due.month}月{due.day}日" in notice.body
    assert due == add_working_days(start=timezone.localdate(), n=10).due


def test_the_register_shows_a_light_and_overdue_messages_are_to_dos(
    published: Callable[..., dict[str, Any]], user: Callable[[str], User],
) -> None:
    pk = published()["id"]
    fresh, late = _leave(pk, "新留言"), _leave(pk, "旧留言")
    Feedback.objects.filter(pk=late.pk).update(
        answer_due=timezone.localdate() - timedelta(days=1))
    client = Client()
    client.force_login(user("finance_clerk"))
    page = client.get("/openness/feedback/").content.decode()
    row_late = page.split(f'data-testid="feedback-{late.pk}"')[1].split("</tr>")[0]
    row_fresh = page.split(f'data-testid="feedback-{fresh.pk}"')[1].split("</tr>")[0]
    assert "light-red" in row_late and "light-green" in row_fresh
    todos = {t.label: t for t in gather(user("finance_clerk")).todos}
    assert todos["群众留言逾期未答复"].count == 1
    assert todos["群众留言待答复"].count == 2
    listed = client.get(todos["群众留言逾期未答复"].url).content.decode()
    assert "旧留言" in listed and "新留言" not in listed
    assert "群众留言逾期未答复" not in {t.label for t in gather(user("edu_clerk")).todos
                                     if t.count}
    assert not [t for t in gather(user("vice_head")).todos if t.label.startswith("群众留言")]
