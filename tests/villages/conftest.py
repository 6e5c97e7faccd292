from collections.abc import Callable

import pytest
from django.test import Client

from dangjian.access.models import User
from dangjian.orgs.models import Organization


@pytest.fixture
def village(user: Callable[[str], User]) -> Organization:
    """The demo village clerk's village, which has not reported last year yet."""
    return user("village_clerk").grants.get().organization


@pytest.fixture
def page_as(user: Callable[[str], User]) -> Callable[[str], Client]:
    def client_for(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return client_for
