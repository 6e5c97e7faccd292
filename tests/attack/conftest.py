"""Fixtures of the adversarial review: the oversight helpers and a signed-in page client."""

from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.access.models import User
from tests.oversight.conftest import add_measure, pdf, raise_finding, today

__all__ = ["add_measure", "pdf", "raise_finding", "today"]


@pytest.fixture
def as_user(user: Callable[[str], User]) -> Callable[[str], Client]:
    def make(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return make
