"""A lost database answers 503 with a Chinese message, on pages, the API and /healthz.

The outage itself (PostgreSQL restarted under load) is the fault drill in bench/drills.py; here
the errors a lost connection raises are raised by a view of this module's URLconf.
"""

import sqlite3
from typing import Any

import pytest
from django.db import IntegrityError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path
from psycopg.errors import DeadlockDetected

from dangjian.web import availability

pytestmark = pytest.mark.django_db


def lost_connection(request: HttpRequest) -> HttpResponse:
    raise OperationalError("server closed the connection unexpectedly")


def broken_data(request: HttpRequest) -> HttpResponse:
    raise IntegrityError("duplicate key value violates unique constraint")


def deadlock(request: HttpRequest) -> HttpResponse:
    raise OperationalError("deadlock detected") from DeadlockDetected("deadlock detected")


def missing_table(request: HttpRequest) -> HttpResponse:
    raise OperationalError("no such table: x") from sqlite3.OperationalError("no such table: x")


urlpatterns = [
    path("api/v1/lost/", lost_connection), path("lost/", lost_connection),
    path("broken/", broken_data), path("api/v1/deadlock/", deadlock),
    path("missing/", missing_table),
]
handler500 = "dangjian.web.availability.server_error"


@pytest.fixture
def client() -> Client:
    return Client(raise_request_exception=False)


@override_settings(ROOT_URLCONF=__name__)
def test_the_api_answers_503_in_chinese_while_the_database_is_down(client: Client) -> None:
    response = client.get("/api/v1/lost/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(availability.RETRY_AFTER_SECONDS)
    assert response.json() == {"detail": availability.DATABASE_DOWN}


@override_settings(ROOT_URLCONF=__name__)
def test_a_page_answers_503_in_chinese_while_the_database_is_down(client: Client) -> None:
    response = client.get("/lost/")
    assert response.status_code == 503
    assert "数据库暂时无法连接" in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_other_errors_stay_500_with_a_chinese_page(client: Client) -> None:
    response = client.get("/broken/")
    assert response.status_code == 500
    assert "系统内部错误" in response.content.decode() and "Retry-After" not in response


@override_settings(ROOT_URLCONF=__name__)
def test_a_deadlock_answers_503_asking_to_retry(client: Client) -> None:
    response = client.get("/api/v1/deadlock/")
    assert response.status_code == 503 and response.json() == {
        "detail": availability.DATABASE_BUSY}


@override_settings(ROOT_URLCONF=__name__)
def test_an_error_of_code_is_no_outage(client: Client) -> None:
    response = client.get("/missing/")
    assert response.status_code == 500 and "系统内部错误" in response.content.decode()


def test_healthz_answers_503_when_the_database_does_not(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Unreachable:
        def cursor(self) -> Any:
            raise OperationalError("connection refused")

    monkeypatch.setattr(availability, "connection", Unreachable())
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["database"] == "down"
