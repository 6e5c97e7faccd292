"""Issue 10: the audit log and the lockout keep the peer's address; forwarding headers count
only from configured proxies (DANGJIAN_TRUSTED_PROXIES), and only when they hold an address."""

from typing import Any

import pytest
from django.test import RequestFactory
from rest_framework.test import APIClient

from dangjian.access.models import LoginFailure
from dangjian.audit.addresses import client_ip
from dangjian.audit.models import AuditEvent

TOKEN_URL = "/api/v1/auth/token/"


def _ip(peer: str, **headers: str) -> str | None:
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=peer, **headers))


@pytest.mark.django_db
def test_a_forged_x_real_ip_is_not_what_the_audit_log_and_lockout_keep() -> None:
    APIClient(REMOTE_ADDR="192.0.2.10").post(
        TOKEN_URL, {"username": "member", "password": "wrong"},
        HTTP_X_REAL_IP="198.51.100.77", HTTP_X_FORWARDED_FOR="198.51.100.78")
    event = AuditEvent.objects.filter(action="login_failed").latest("id")
    assert event.ip == "192.0.2.10"
    assert LoginFailure.objects.get(username="member").ip == "192.0.2.10"


@pytest.mark.django_db
def test_behind_a_configured_proxy_the_forwarded_address_is_kept(settings: Any) -> None:
    settings.DANGJIAN_TRUSTED_PROXIES = ["10.0.0.0/8"]
    APIClient(REMOTE_ADDR="10.1.2.3").post(
        TOKEN_URL, {"username": "member", "password": "wrong"}, HTTP_X_REAL_IP="198.51.100.77")
    assert AuditEvent.objects.filter(action="login_failed").latest("id").ip == "198.51.100.77"


def test_without_configured_proxies_headers_are_ignored(settings: Any) -> None:
    settings.DANGJIAN_TRUSTED_PROXIES = []
    assert _ip("127.0.0.1", HTTP_X_REAL_IP="1.2.3.4", HTTP_X_FORWARDED_FOR="5.6.7.8") == (
        "127.0.0.1")


@pytest.mark.parametrize(("peer", "headers", "expected"), [
    ("10.0.0.2", {"HTTP_X_REAL_IP": "203.0.113.7"}, "203.0.113.7"),
    # from the right: skip our proxies, stop at the first address they vouch for
    ("10.0.0.2", {"HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.9, 10.0.0.3"}, "203.0.113.9"),
    ("10.0.0.2", {"HTTP_X_FORWARDED_FOR": "10.0.0.4, 10.0.0.3"}, "10.0.0.4"),
    # not an address: ignored, never stored
    ("10.0.0.2", {"HTTP_X_REAL_IP": "<script>"}, "10.0.0.2"),
    ("10.0.0.2", {"HTTP_X_REAL_IP": "203.0.113.7:4431"}, "10.0.0.2"),
    ("10.0.0.2", {"HTTP_X_FORWARDED_FOR": "203.0.113.9, bogus"}, "10.0.0.2"),
    ("10.0.0.2", {"HTTP_X_REAL_IP": "2001:db8::1"}, "2001:db8::1"),
    ("::ffff:10.0.0.2", {"HTTP_X_REAL_IP": "::ffff:203.0.113.7"}, "203.0.113.7"),
    # a peer outside the proxies: its headers mean nothing
    ("192.0.2.1", {"HTTP_X_REAL_IP": "203.0.113.7"}, "192.0.2.1"),
    ("not-an-ip", {}, None),
])
def test_the_trusted_proxy_rules(
    settings: Any, peer: str, headers: dict[str, str], expected: str | None,
) -> None:
    settings.DANGJIAN_TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]
    assert _ip(peer, **headers) == expected


def test_the_setting_may_be_the_comma_separated_environment_value(settings: Any) -> None:
    settings.DANGJIAN_TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8"
    assert _ip("10.9.9.9", HTTP_X_REAL_IP="203.0.113.7") == "203.0.113.7"
