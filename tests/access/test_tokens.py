from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from dangjian.access.models import ApiToken
from dangjian.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

TOKEN_URL = "/api/v1/auth/token/"


def _token(username: str, password: str) -> dict:
    response = APIClient().post(TOKEN_URL, {"username": username, "password": password})
    assert response.status_code == 201, response.content
    return response.json()


def _bearer(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


def test_a_token_opens_the_api_and_me_names_roles_and_scope(demo_password: str) -> None:
    body = _token("vice_head", demo_password)
    hours = (timezone.datetime.fromisoformat(body["expires_at"]) - timezone.now()) / timedelta(
        hours=1)
    assert 7.9 < hours <= 8
    me = _bearer(body["token"]).get("/api/v1/me/").json()
    assert me["username"] == "vice_head" and me["roles"] == ["分管领导"]
    subtrees = {o["name"] for o in me["scope"]["subtrees"]}
    assert "县财政局" in subtrees and "县教育局" not in subtrees
    assert not ApiToken.objects.filter(key_hash=body["token"]).exists()  # only a hash is kept


def test_a_wrong_password_is_refused_and_the_failure_audited(demo_password: str) -> None:
    response = APIClient().post(TOKEN_URL, {"username": "inspector", "password": "wrong"})
    assert response.status_code == 401
    assert response.json()["detail"] == "用户名或密码不正确"
    event = AuditEvent.objects.filter(action="login_failed").latest("id")
    assert event.username == "inspector" and event.success is False


def test_an_expired_token_is_refused_with_a_chinese_message(demo_password: str) -> None:
    body = _token("member", demo_password)
    ApiToken.objects.filter(user__username="member").update(
        expires_at=timezone.now() - timedelta(seconds=1))
    response = _bearer(body["token"]).get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["detail"] == "令牌已过期，请重新登录获取令牌"


def test_a_revoked_token_stops_working_and_the_revocation_is_audited(demo_password: str) -> None:
    client = _bearer(_token("member", demo_password)["token"])
    assert client.post("/api/v1/auth/token/revoke/").status_code == 204
    response = client.get("/api/v1/me/")
    assert response.status_code == 401 and "撤销" in response.json()["detail"]
    assert AuditEvent.objects.filter(action="token.revoke", username="member").exists()


def test_a_made_up_token_is_refused() -> None:
    response = _bearer("not-a-token").get("/api/v1/persons/")
    assert response.status_code == 401 and "令牌无效" in response.json()["detail"]


def test_demo_accounts_cannot_sign_in_where_demo_data_is_not_allowed(
    settings: object, demo_password: str
) -> None:
    settings.DANGJIAN_ALLOW_DEMO = False  # type: ignore[attr-defined]
    response = APIClient().post(TOKEN_URL, {"username": "admin", "password": demo_password})
    assert response.status_code == 401
