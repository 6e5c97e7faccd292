"""The shared cast: one small demo county, built once per run, and its demo accounts.

Tests name users by their demo account (``finance_clerk``, ``vice_head`` …), so that every
test reads as a sentence about a real role.

The clock is fixed: the whole run sees ``DANGJIAN_TEST_TODAY`` (default below) as today, so the
suite gives the same answer on any day it runs. ``make test-dates`` runs it on three dates.
"""

import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.test import Client, TransactionTestCase
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.demo.generator import build_demo
from dangjian.demo.records import generate_records
from dangjian.orgs.models import Organization
from tests.demo_snapshot import DemoSnapshot

DEMO_PERSONS_FACTOR = 0.2  # about 1,800 persons: the county's full shape at a fifth of its size
DEFAULT_TEST_TODAY = "2026-12-03"
# A working morning in Beijing: deadlines and lights are computed from the local date.
TEST_CLOCK_TIME = time(9, 30)


def fixed_today() -> date:
    """The date the run treats as today (``DANGJIAN_TEST_TODAY``, 年-月-日)."""
    return date.fromisoformat(os.environ.get("DANGJIAN_TEST_TODAY") or DEFAULT_TEST_TODAY)

_clock: time_machine.travel | None = None

def pytest_configure(config: pytest.Config) -> None:
    # time-machine patches the C-level clock for every thread (the live server's too); the clock
    # ticks on from the fixed moment so that lockout windows and token lifetimes still pass.
    global _clock
    moment = datetime.combine(fixed_today(), TEST_CLOCK_TIME, tzinfo=ZoneInfo("Asia/Shanghai"))
    _clock = time_machine.travel(moment, tick=True)
    _clock.start()

def pytest_unconfigure(config: pytest.Config) -> None:
    if _clock is not None:
        _clock.stop()

def pytest_report_header(config: pytest.Config) -> str:
    db = settings.DATABASES["default"]
    return (f"database: {db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or db['NAME']}); "
            f"today: {fixed_today().isoformat()} (DANGJIAN_TEST_TODAY)")

def _empties_the_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction"))

def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Transactional tests (browser, broker) empty the database after each test: run them last
    # so that the session's demo county serves everything else.
    items.sort(key=_empties_the_database)

def load_demo() -> None:
    # Without the year of records (demo.records): tests build the records they are about.
    # ``demo_records`` adds the generated year for a module that needs it.
    build_demo(persons_factor=DEMO_PERSONS_FACTOR, password=settings.DANGJIAN_DEMO_PASSWORD,
               records=False)

_demo_snapshot: DemoSnapshot | None = None

def _put_the_demo_back(test_case: TransactionTestCase) -> None:
    """A transactional test's teardown: put the county back rather than flush. ``restore``
    empties what the test wrote as the flush would, and the next test (``committed_demo``)
    finds the county in place; one pass instead of a flush (every table emptied, content types
    and permissions made again) followed by a restore."""
    if _demo_snapshot is None or set(test_case.databases) != {DEFAULT_DB_ALIAS}:
        _flush(test_case)
        return
    _demo_snapshot.restore()


_flush = TransactionTestCase._fixture_teardown


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    global _demo_snapshot
    with django_db_blocker.unblock():
        load_demo()
        _demo_snapshot = DemoSnapshot()  # put back after a transactional test (committed_demo)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(TransactionTestCase, "_fixture_teardown", _put_the_demo_back)
        yield

@pytest.fixture
def committed_demo(transactional_db: None) -> None:
    """The demo county in a transactional test, put back after an earlier one emptied it."""
    if not Organization.objects.exists():
        assert _demo_snapshot is not None, "django_db_setup takes it"
        _demo_snapshot.restore()

@pytest.fixture(scope="module")
def demo_records(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, int]]:
    """The demo county's generated year of work (``dangjian.demo.records``) for one module's
    tests, inside a transaction rolled back after the module: other modules never see it.
    Yields the counts of what was generated."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield generate_records(Organization.objects.get(name="中共示范县委员会"),
                                   today=fixed_today(), seed=2026)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)

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
def as_user(user: Callable[[str], User]) -> Callable[[str], Client]:
    """A page client signed in (a session) as a demo account."""

    def make(username: str) -> Client:
        client = Client()
        client.force_login(user(username))
        return client

    return make

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
