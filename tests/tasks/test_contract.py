"""The issue's API contract is in the OpenAPI schema, with its fields."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

CONTRACT = [
    "/api/v1/plans/parse/", "/api/v1/plans/", "/api/v1/plans/{id}/confirm/",
    "/api/v1/tasks/", "/api/v1/tasks/{id}/", "/api/v1/tasks/{id}/progress/",
    "/api/v1/responsibility-lists/", "/api/v1/responsibility-items/", "/api/v1/fulfilments/",
]


def test_the_schema_lists_the_contracted_paths_and_fields(client: Client) -> None:
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()
    for path in CONTRACT:
        assert path in schema["paths"], path
    components = schema["components"]["schemas"]
    assert {"path", "title", "text", "owners", "deadline", "targets"} <= set(
        components["OutlineItem"]["properties"])
    assert {"light", "status"} <= set(components["Task"]["properties"])
    query = {p["name"] for p in schema["paths"]["/api/v1/tasks/"]["get"]["parameters"]}
    assert {"light", "status", "plan", "lead_unit", "leader"} <= query
