"""Personal data stays out of caches (issue 10): every answer of the pages and the API, and
every export, carries ``Cache-Control: no-store`` (one middleware)."""

from collections.abc import Callable

import pytest
from django.test import Client
from rest_framework.test import APIClient

from dangjian.access.models import User

pytestmark = pytest.mark.django_db


def _no_store(response: object) -> bool:
    header = response.get("Cache-Control", "")  # type: ignore[attr-defined]
    return "no-store" in [part.strip() for part in header.split(",")]


@pytest.fixture
def secretary(user: Callable[[str], User]) -> User:
    return user("finance_secretary")


def test_the_persons_api_and_the_unmasked_id_number_are_not_stored(
    api_as: Callable[[str], APIClient], secretary: User,
) -> None:
    client = api_as("finance_secretary")
    listing = client.get("/api/v1/persons/")
    assert listing.status_code == 200 and "id_number" in listing.json()["results"][0]
    person = listing.json()["results"][0]["id"]
    unmasked = client.post(f"/api/v1/persons/{person}/unmask/")
    assert unmasked.status_code == 200, unmasked.content
    for response in (listing, client.get(f"/api/v1/persons/{person}/"), unmasked):
        assert _no_store(response), response.get("Cache-Control")


@pytest.mark.parametrize("url", ["/persons/", "/members/", "/members/visits/",
                                 "/members/roster-template.xlsx", "/oversight/ledger.xlsx",
                                 "/orglife/ledger-template.xlsx"])
def test_pages_and_exports_with_personal_data_are_not_stored(
    client: Client, demo_password: str, url: str,
) -> None:
    client.login(username="finance_secretary", password=demo_password)
    response = client.get(url)
    assert response.status_code == 200, url
    assert _no_store(response), response.get("Cache-Control")


def test_refusals_are_not_stored_either(client: Client) -> None:
    response = client.get("/api/v1/persons/")
    assert response.status_code in (401, 403) and _no_store(response)
