"""Schemathesis against /api/schema/ as three roles: no 5xx, no answer the schema omits.

The regression tests below pin what the drill found, each in one request.
"""

from collections.abc import Callable

import pytest
from django.conf import settings
from django.test import Client
from rest_framework.test import APIClient

from dangjian.orglife.models import Meeting
from tests.fuzz.drill import ROLES, drill, load_schema

pytestmark = [pytest.mark.django_db, pytest.mark.sweep]

EXAMPLES = 3  # valid and invalid requests per operation and role; bench/fuzz_api.py sends more


@pytest.mark.parametrize("username", ROLES)
def test_every_operation_answers_as_the_schema_says(username: str) -> None:
    schema = load_schema()
    report = drill(schema, username, settings.DANGJIAN_DEMO_PASSWORD, EXAMPLES)
    every = {result.ok().label for result in schema.get_all_operations()}
    assert report.operations == every and report.requests >= 2 * len(every)
    findings = "\n\n".join(str(finding) for finding in report.findings.values())
    assert (report.server_errors, report.violations) == (0, 0), findings


def test_the_schema_names_each_refusal_an_operation_can_give(client: Client) -> None:
    paths = client.get("/api/schema/", HTTP_ACCEPT="application/json").json()["paths"]
    assert set(paths["/api/v1/measures/{id}/"]["patch"]["responses"]) == {
        "200", "400", "401", "403", "404", "409", "415"}
    assert set(paths["/api/v1/me/"]["get"]["responses"]) == {"200", "401", "403"}
    token = paths["/api/v1/auth/token/"]["post"]["responses"]
    assert set(token) == {"201", "400", "401", "403", "415"}
    assert token["401"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TokenRefusal"}


@pytest.mark.parametrize(("query", "message"), [
    ("/api/v1/meetings/?year=99999999999999999999", "确保该值小于或等于2100"),
    ("/api/v1/study-records/?year=0", "确保该值大于或等于1900"),
    ("/api/v1/candidates/?person=99999999999999999999", "确保该值小于或等于"),
    ("/api/v1/persons/?subtree=-1.7e249", "输入整数"),
])
def test_a_number_out_of_range_in_a_filter_is_a_400(
    api_as: Callable[[str], APIClient], query: str, message: str,
) -> None:
    response = api_as("finance_clerk").get(query)
    assert response.status_code == 400, response.content
    assert message in response.json()["detail"]


def test_an_unknown_subtree_lists_nothing(api_as: Callable[[str], APIClient]) -> None:
    response = api_as("finance_clerk").get("/api/v1/persons/", {"subtree": 987654321})
    assert response.status_code == 200 and response.json()["count"] == 0


def test_an_id_too_large_in_a_body_is_a_400_and_records_nothing(
    api_as: Callable[[str], APIClient],
) -> None:
    before = Meeting.objects.count()
    response = api_as("finance_clerk").post("/api/v1/meetings/", {
        "organization": 1, "kind": "主题党日", "held_on": "2026-01-05", "topic": "学习",
        "attendees": [2**70]}, format="json")
    assert response.status_code == 400 and "attendees" in response.json()["errors"]
    assert Meeting.objects.count() == before


@pytest.mark.parametrize("path", ["/api/v1/tasks/0.35/", "/api/v1/plans/x/tasks.xlsx"])
def test_a_malformed_id_is_a_json_404(api_as: Callable[[str], APIClient], path: str) -> None:
    response = api_as("finance_clerk").get(path)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"
    assert "未找到" in response.json()["detail"]
