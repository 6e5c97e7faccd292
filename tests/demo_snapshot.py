"""The session's demo county, copied once after it is built and put back whenever a
transactional test (browser, broker, races) has emptied the database.

Building the county again takes seconds per test (persons, a year of 三会一课, accounts); putting
the same rows back takes a fraction of one. The copy is the county the session built, so a test
that starts from it sees exactly what it would have seen after ``build_demo``: the same rows, the
same audit chain head, the same accounts.

SQLite (in memory): the database is copied whole with SQLite's backup API, and copied back.
PostgreSQL: every table of the models is copied into a schema of its own (``demo_snapshot``,
off the search path: the suite never sees it) and copied back inside one transaction: the
tables that hold rows are emptied, the copied rows put back, the foreign keys deferred until the
commit, the sequences moved past the restored ids.

``restore`` also empties whatever the test wrote, so a transactional test's teardown puts the
county back instead of flushing (tests/conftest.py): the next one finds it in place.
"""

import sqlite3

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

SCHEMA = "demo_snapshot"


class DemoSnapshot:
    """A copy of the test database as it is when taken; ``restore`` puts it back."""

    def __init__(self) -> None:
        connection.ensure_connection()
        self._copy: sqlite3.Connection | None = None
        self._tables: list[str] = []
        self._filled: list[str] = []
        self._kept: dict[str, tuple[int, int]] = {}
        if connection.vendor == "sqlite":
            self._copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self._copy)
        else:
            self._tables = sorted(connection.introspection.django_table_names(
                only_existing=True, include_views=False))
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
                cursor.execute(f"CREATE SCHEMA {SCHEMA}")
                for table in self._tables:
                    name = connection.ops.quote_name(table)
                    cursor.execute(f"CREATE TABLE {SCHEMA}.{name} AS TABLE {name}")
                    if cursor.rowcount:  # most tables are empty: nothing to copy back
                        self._filled.append(name)
            self._kept = self._marks()

    def restore(self) -> None:
        connection.ensure_connection()
        if self._copy is not None:
            self._copy.backup(connection.connection)
        else:
            self._restore_tables()
        # Content types are cached by id; a flush made new ones, the copy has the old ids.
        ContentType.objects.clear_cache()

    def _marks(self) -> dict[str, tuple[int, int]]:
        """Each copied table's row count and newest row version (``xmin``): a table the test
        did not write to has both as the restore left them (an insert or a delete changes the
        count, an update makes a newer version)."""
        if not self._filled:
            return {}
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(
                f"SELECT {n}, COUNT(*), MAX(xmin::text::bigint) FROM {name}"
                for n, name in enumerate(self._filled)))
            return {self._filled[n]: (count, newest) for n, count, newest in cursor.fetchall()}

    def _restore_tables(self) -> None:
        names = [connection.ops.quote_name(table) for table in self._tables]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            # Empty only the tables that hold rows, with DELETE: TRUNCATE makes new files for
            # every table it names (seconds for the ~250 tables, most of them empty). A copied
            # table the test left as it was (the 26,000 attendances …) is kept.
            marks = self._marks() if self._kept else {}
            unchanged = {name for name in self._filled if marks.get(name) == self._kept.get(name)}
            cursor.execute(" UNION ALL ".join(
                f"SELECT {n} WHERE EXISTS (SELECT 1 FROM {name})" for n, name in enumerate(names)))
            for (n,) in cursor.fetchall():
                if names[n] not in unchanged:
                    cursor.execute(f"DELETE FROM {names[n]}")
            for name in self._filled:
                if name not in unchanged:
                    cursor.execute(f"INSERT INTO {name} SELECT * FROM {SCHEMA}.{name}")
            models = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        self._kept = self._marks()
