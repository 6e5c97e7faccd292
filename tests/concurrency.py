"""Real threads racing on the database, on PostgreSQL and on SQLite alike.

Each thread opens its own connection. The test database of SQLite lives in memory with a
shared cache, whose table locks refuse a second writer at once instead of letting it wait as a
database file does; so on SQLite the threads work on a file copy of it (``database_file``),
which is what a deployment on the embedded default has.
"""

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any
from unittest import mock

from django.db import connection, connections

BARRIER_SECONDS = 3  # a thread waiting for a lock never reaches the barrier: the other goes on


def database_file(folder: Path) -> Path | None:
    """On SQLite, a file copy of the test database as it is now; None elsewhere."""
    if connection.vendor != "sqlite":
        return None
    path = folder / "race.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return path


def run_together(calls: list[Callable[[], Any]], *, database: Path | None) -> list[Any]:
    """Run each call in its own thread, all at once; their results (or exceptions) in order."""
    results: list[Any] = [None] * len(calls)
    start = threading.Barrier(len(calls))
    settings = {**connection.settings_dict, "NAME": str(database)}
    wrapper_class = type(connections["default"])

    def work(index: int, call: Callable[[], Any]) -> None:
        if database is not None:
            connections["default"] = wrapper_class(settings, "default")
        try:
            start.wait()
            results[index] = call()
        except Exception as error:
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def in_thread(call: Callable[[], Any], *, database: Path | None) -> Any:
    """One call on the threads' database (to read what they left)."""
    return run_together([call], database=database)[0]


@contextmanager
def meeting_before(model: Any, method: str, parties: int) -> Iterator[None]:
    """Hold each caller of ``model.method`` until ``parties`` of them arrive (or, when one is
    kept out by a lock, until ``BARRIER_SECONDS`` pass): the writes then clash if they can."""
    barrier = threading.Barrier(parties)
    original = getattr(model, method)

    def held(self: Any, *args: Any, **kwargs: Any) -> Any:
        with suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=BARRIER_SECONDS)
        return original(self, *args, **kwargs)

    with mock.patch.object(model, method, held):
        yield
