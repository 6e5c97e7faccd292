"""docs/authorization.md is the measured authorization matrix, and the matrix keeps the scope.

Regenerate the document after an endpoint or a permission changes:
``DANGJIAN_WRITE_AUTH_DOC=1 .venv/bin/pytest tests/access/test_authorization_doc.py``.
"""

import os
from typing import Any

import pytest

from .authorization import (
    ADMINS,
    ANONYMOUS,
    DOC,
    OK,
    REGENERATE,
    RESOURCES,
    WHERE,
    Matrix,
    measure,
    render,
    urlconf_endpoints,
)

# The mark tells pytest-django to set up the test database; the matrix itself is measured once
# per module, in a transaction of its own that is rolled back.
pytestmark = [pytest.mark.django_db, pytest.mark.sweep]

# Resources that are the administrators' own work, not business data.
ADMIN_RESOURCES = {"users", "grants", "audit-events", "me", "auth", "lockouts",
                   "terms", "agenda-tags"}  # the county's configurable lists: settings
# What anyone may read and post without signing in: the openness portal's API (what is
# published to society, and feedback on it); every other endpoint answers 401.
PUBLIC_RESOURCES = {"public/disclosures"}


@pytest.fixture(scope="module")
def matrix(django_db_setup: None, django_db_blocker: Any) -> Matrix:
    with django_db_blocker.unblock():
        return measure()


def test_the_committed_document_is_the_measured_matrix(matrix: Matrix) -> None:
    text = render(matrix)
    if os.environ.get("DANGJIAN_WRITE_AUTH_DOC"):
        DOC.write_text(text, encoding="utf-8")
    committed = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    assert committed == text, f"docs/authorization.md is out of date; regenerate: {REGENERATE}"


def test_no_role_reaches_an_object_outside_its_scope(matrix: Matrix) -> None:
    leaks = [f"{endpoint} {username} {where}"
             for endpoint, cells in matrix.rows if len(cells["admin"]) == len(WHERE)
             for username, cell in cells.items()
             for where, outcome in zip(WHERE, cell, strict=True)
             if outcome == OK and where not in RESOURCES[endpoint.resource].sees.get(username, ())]
    assert not leaks


def test_the_three_administrators_get_no_business_data(matrix: Matrix) -> None:
    reached = [f"{endpoint} {username}" for endpoint, cells in matrix.rows
               if endpoint.resource not in ADMIN_RESOURCES | PUBLIC_RESOURCES
               and len(cells["admin"]) == len(WHERE)
               for username in ADMINS if OK in cells[username]]
    assert not reached


def test_every_endpoint_of_the_url_conf_is_in_the_table(matrix: Matrix) -> None:
    listed = {(e.method, e.path) for e, _ in matrix.rows}
    # A router action and an explicit slash-less file route (…/document.docx) serve one view.
    missing = {(method, path) for method, path in urlconf_endpoints() - listed
               if (method, path.removesuffix("/")) not in listed}
    assert not missing
    assert len(listed) > 100  # the enumeration did not come back (nearly) empty


def test_no_endpoint_answers_a_server_error(matrix: Matrix) -> None:
    errors = [f"{endpoint} {username}" for endpoint, cells in matrix.rows
              for username, cell in cells.items() if any(o.startswith("5") for o in cell)]
    assert not errors


def test_only_the_token_and_portal_endpoints_answer_an_anonymous_client(matrix: Matrix
                                                                        ) -> None:
    public = [str(endpoint) for endpoint, cells in matrix.rows
              if set(cells[ANONYMOUS]) != {"401"} and endpoint.resource not in PUBLIC_RESOURCES]
    assert public == ["POST /api/v1/auth/token/"]
    portal = {str(endpoint) for endpoint, _ in matrix.rows
              if endpoint.resource in PUBLIC_RESOURCES}
    assert portal == {"GET /api/v1/public/disclosures/", "GET /api/v1/public/disclosures/{pk}/",
                      "POST /api/v1/public/disclosures/{pk}/feedback/"}
