from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.notifications.models import Notification

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.notifications.urls")]

Send = Callable[..., Notification | None]


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _sent(send: Send, recipient: User, key: str, title: str, **fields: str) -> Notification:
    notification = send(recipient, key, title=title, **fields)
    assert notification is not None
    return notification


def test_the_inbox_page_lists_one_s_own_notices(
    send: Send, user: Callable[[str], User],
) -> None:
    _sent(send, user("member"), "k1", "党费缴纳提醒", link="/persons/")
    _sent(send, user("finance_clerk"), "k2", "财务检查通知")
    html = _signed_in(user("member")).get("/inbox/").content.decode()
    assert "党费缴纳提醒" in html and 'href="/persons/"' in html
    assert "财务检查通知" not in html
    assert "标为已读" in html and "csrfmiddlewaretoken" in html


def test_the_button_marks_a_notice_read_and_returns(
    send: Send, user: Callable[[str], User],
) -> None:
    notification = _sent(send, user("member"), "k1", "党费缴纳提醒")
    client = Client(enforce_csrf_checks=True)
    client.force_login(user("member"))
    page = client.get("/inbox/", {"unread": "true"})
    token = page.context["csrf_token"]
    response = client.post(f"/inbox/{notification.pk}/read/",
                           {"csrfmiddlewaretoken": token, "next": "/inbox/?unread=true"})
    assert response.status_code == 302 and response["Location"] == "/inbox/?unread=true"
    notification.refresh_from_db()
    assert notification.read_at is not None
    html = client.get("/inbox/").content.decode()
    assert "已将“党费缴纳提醒”标为已读" in html and "标为已读</button>" not in html


def test_the_button_never_redirects_off_site(send: Send, user: Callable[[str], User]) -> None:
    notification = _sent(send, user("member"), "k1", "党费缴纳提醒")
    response = _signed_in(user("member")).post(
        f"/inbox/{notification.pk}/read/", {"next": "https://evil.example/"})
    assert response["Location"] == "/inbox/"


def test_another_user_s_notice_cannot_be_marked(
    send: Send, user: Callable[[str], User],
) -> None:
    notification = _sent(send, user("finance_clerk"), "k1", "财务检查通知")
    client = _signed_in(user("member"))
    assert client.post(f"/inbox/{notification.pk}/read/").status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_marking_read_takes_a_post(send: Send, user: Callable[[str], User]) -> None:
    notification = _sent(send, user("member"), "k1", "党费缴纳提醒")
    assert _signed_in(user("member")).get(f"/inbox/{notification.pk}/read/").status_code == 405


def test_the_inbox_page_asks_for_a_login(client: Client) -> None:
    response = client.get("/inbox/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
