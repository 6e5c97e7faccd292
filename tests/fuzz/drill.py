"""The fuzzing drill: every operation of /api/schema/ as one demo account, in-process (WSGI).

Shared by the pytest run (tests/fuzz/test_api_schema.py, a few examples per operation) and the
full drill (bench/fuzz_api.py). Schemathesis generates valid and invalid requests from the
schema; every response must pass the four checks below: no 5xx, and no answer the schema does
not describe (status code, content type, body).
"""

import logging
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import Failure, FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from werkzeug.test import Client

ROLES = ("finance_clerk", "vice_head", "inspector")  # a unit clerk, a 分管 leader, the 纪检
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
TOKEN_PATH = "/api/v1/auth/token/"
REVOKE_PATH = "/api/v1/auth/token/revoke/"


@dataclass
class Finding:
    """The first failure of a kind (operation, check, status), with how to reproduce it."""

    operation: str
    status: int
    title: str
    message: str
    reproduce: str
    traceback: str = ""

    def __str__(self) -> str:
        text = f"{self.operation} → {self.status}: {self.title}\n{self.message}\n{self.reproduce}"
        return f"{text}\n{self.traceback}" if self.traceback else text


@dataclass
class Report:
    """One role's drill: what was exercised and what failed."""

    role: str
    operations: set[str] = field(default_factory=set)
    requests: int = 0
    server_errors: int = 0  # responses with a 5xx status
    violations: int = 0  # other responses failing a check
    findings: dict[tuple[str, str, int], Finding] = field(default_factory=dict)  # first of a kind


def bearer(schema: Any, username: str, password: str) -> dict[str, str]:
    """The Authorization header of a token from the token endpoint, as a client gets one.

    Sent through the fuzzed WSGI application: Django's test client would reconnect the
    connection-closing signals that ``same_connection`` holds off.
    """
    response = Client(schema.app).post(TOKEN_PATH, json={"username": username,
                                                         "password": password})
    assert response.status_code == 201, (username, response.get_data(as_text=True))
    return {"Authorization": f"Bearer {response.get_json()['token']}"}


@contextmanager
def same_connection() -> Iterator[None]:
    """Keep Django's connection open across requests, as its test client does.

    The WSGI handler closes it at each request's start and end; inside a test's transaction
    that would throw the transaction (and the demo county it sees) away.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def load_schema() -> Any:
    with same_connection():
        return schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@contextmanager
def server_exceptions() -> Iterator[list[BaseException]]:
    """Exceptions the application raised, for the traceback of a 5xx."""
    raised: list[BaseException] = []

    def record(sender: Any, request: Any = None, **kwargs: Any) -> None:
        exc = sys.exc_info()[1]
        if exc is not None:
            raised.append(exc)

    signals.got_request_exception.connect(record)
    try:
        yield raised
    finally:
        signals.got_request_exception.disconnect(record)


@contextmanager
def quiet_request_log() -> Iterator[None]:
    """Thousands of 400s and 404s are the point here; 5xx are recorded with their traceback."""
    log = logging.getLogger("django.request")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)


def drill(schema: Any, username: str, password: str, examples: int) -> Report:
    """Send ``examples`` valid and as many invalid requests to each operation as ``username``."""
    report = Report(username)
    with same_connection(), server_exceptions() as raised, quiet_request_log():
        headers = bearer(schema, username, password)
        for result in schema.get_all_operations():
            operation = result.ok()
            for mode in MODES:
                _fuzz(operation, mode, examples, headers, report, raised)
                if operation.path == REVOKE_PATH:  # the drill revoked its own token
                    headers.update(bearer(schema, username, password))
    return report


def _fuzz(operation: Any, mode: Any, examples: int, headers: dict[str, str], report: Report,
          raised: list[BaseException]) -> None:
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    def run(case: Any) -> None:
        raised.clear()
        response = case.call(headers=headers)
        report.requests += 1
        report.operations.add(operation.label)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except FailureGroup as group:
            _record(report, case, response, list(group.exceptions), raised)
        except Failure as failure:
            _record(report, case, response, [failure], raised)

    run()


def _record(report: Report, case: Any, response: Any, failures: list[Failure],
            raised: list[BaseException]) -> None:
    if response.status_code >= 500:
        report.server_errors += 1
    else:
        report.violations += 1
    for failure in failures:
        key = (case.operation.label, failure.title, response.status_code)
        if key in report.findings:
            continue
        trace = "".join(traceback.format_exception(raised[-1])) if raised else ""
        report.findings[key] = Finding(
            operation=case.operation.label, status=response.status_code, title=failure.title,
            message=failure.message.strip()[:1500],
            reproduce=case.as_curl_command(headers={"Authorization": "Bearer <token>"}),
            traceback=trace,
        )
