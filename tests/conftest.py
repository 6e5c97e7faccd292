"""The shared cast: one small demo county, built once per run, and its demo accounts.

Tests name users by their demo account (``finance_clerk``, ``vice_head`` …), so that every
test reads as a sentence about a real role.
"""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.demo.generator import build_demo
from dangjian.orgs.models import Organization

DEMO_PERSONS_FACTOR = 0.2  # about 1,800 persons: the county's full shape at a fifth of its size


def pytest_report_header(config: pytest.Config) -> str:
    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or db['NAME']})"


def _empties_the_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Transactional tests (browser, broker) empty the database after each test: run them last
    # so that the session's demo county serves everything else.
    items.sort(key=_empties_the_database)


def load_demo() -> None:
    build_demo(persons_factor=DEMO_PERSONS_FACTOR, password=settings.DANGJIAN_DEMO_PASSWORD)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    with django_db_blocker.unblock():
        load_demo()
    yield


@pytest.fixture
def committed_demo(transactional_db: None) -> None:
    """The demo county in a transactional test, loaded again after an earlier one emptied it."""
    if not Organization.objects.exists():
        load_demo()


@pytest.fixture
def demo_password() -> str:
    return str(settings.DANGJIAN_DEMO_PASSWORD)


@pytest.fixture
def user(db: None) -> Callable[[str], User]:
    def get(username: str) -> User:
        return User.objects.get(username=username)

    return get


@pytest.fixture
def api_as(user: Callable[[str], User]) -> Callable[[str], APIClient]:
    """An API client signed in as a demo account (session-less, as a token would be)."""

    def client_for(username: str) -> APIClient:
        client = APIClient()
        client.force_authenticate(user(username))
        return client

    return client_for


@pytest.fixture
def org(db: None) -> Callable[[str], Organization]:
    def get(name: str) -> Organization:
        return Organization.objects.get(name=name)

    return get


@pytest.fixture
def vendor() -> str:
    return connection.vendor


# The run's media folder (mkdtemp, settings/test.py) is removed when the run ends.
from tests.media_root import throwaway_media_root  # noqa: E402, F401
