from collections.abc import Callable

import pytest
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.notifications.urls")]

Send = Callable[..., Notification | None]


@pytest.fixture
def notices(send: Send, user: Callable[[str], User]) -> dict[str, Notification]:
    sent = {
        "clerk": send(user("finance_clerk"), "k1", title="财务检查通知"),
        "member_old": send(user("member"), "k2", title="党费缴纳提醒"),
        "member_new": send(user("member"), "k3", title="支部学习安排"),
    }
    return {name: n for name, n in sent.items() if n is not None}


def test_the_inbox_lists_only_one_s_own_notices(
    api_as: Callable[[str], APIClient], notices: dict[str, Notification],
) -> None:
    response = api_as("member").get("/api/v1/inbox/")
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [notices["member_new"].pk, notices["member_old"].pk]
    assert set(rows[0]) == {"id", "kind", "title", "body", "link", "created_at", "read_at"}


def test_unread_true_leaves_out_what_was_read(
    api_as: Callable[[str], APIClient], notices: dict[str, Notification],
) -> None:
    client = api_as("member")
    assert client.post(f"/api/v1/inbox/{notices['member_old'].pk}/read/").status_code == 200
    unread = client.get("/api/v1/inbox/", {"unread": "true"}).json()["results"]
    assert [r["id"] for r in unread] == [notices["member_new"].pk]
    read = client.get("/api/v1/inbox/", {"unread": "false"}).json()["results"]
    assert [r["id"] for r in read] == [notices["member_old"].pk]


def test_marking_read_answers_the_notice(
    api_as: Callable[[str], APIClient], notices: dict[str, Notification],
) -> None:
    response = api_as("finance_clerk").post(f"/api/v1/inbox/{notices['clerk'].pk}/read/")
    assert response.status_code == 200 and response.json()["read_at"] is not None


@pytest.mark.parametrize("username", ["member", "vice_head", "inspector"])
def test_another_user_s_notice_is_not_found(
    api_as: Callable[[str], APIClient], notices: dict[str, Notification], username: str,
) -> None:
    clerk_notice = notices["clerk"]
    client = api_as(username)
    detail = client.get(f"/api/v1/inbox/{clerk_notice.pk}/")
    assert detail.status_code == 404 and "查看范围" in detail.json()["detail"]
    assert client.post(f"/api/v1/inbox/{clerk_notice.pk}/read/").status_code == 404
    clerk_notice.refresh_from_db()
    assert clerk_notice.read_at is None


def test_the_inbox_needs_a_login(notices: dict[str, Notification]) -> None:
    assert APIClient().get("/api/v1/inbox/").status_code in (401, 403)


def test_the_inbox_is_read_only(
    api_as: Callable[[str], APIClient], notices: dict[str, Notification],
) -> None:
    client = api_as("member")
    assert client.post("/api/v1/inbox/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v1/inbox/{notices['member_new'].pk}/").status_code == 405
