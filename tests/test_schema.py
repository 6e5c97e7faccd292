import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}


def test_the_openapi_schema_lists_the_contracted_paths(client: Client) -> None:
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ["/api/v1/auth/token/", "/api/v1/me/", "/api/v1/organizations/",
                 "/api/v1/organizations/{id}/", "/api/v1/persons/", "/api/v1/persons/{id}/"]:
        assert path in paths, path
    components = response.json()["components"]["schemas"]
    assert {"id", "name", "kind", "parent"} <= set(components["Organization"]["properties"])
    assert {"id", "name", "kind", "parent"} <= set(components["Person"]["properties"])
