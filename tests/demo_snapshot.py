"""The session's demo county, copied once after it is built and put back whenever a
transactional test (browser, broker, races) has emptied the database.

Building the county again takes seconds per test (persons, a year of 三会一课, accounts); putting
the same rows back takes a fraction of one. The copy is the county the session built, so a test
that starts from it sees exactly what it would have seen after ``build_demo``: the same rows, the
same audit chain head, the same accounts.

SQLite (in memory): the database is copied whole with SQLite's backup API, and copied back.
PostgreSQL: every table of the models is copied into a schema of its own (``demo_snapshot``,
off the search path: the suite never sees it) and copied back inside one transaction; the
foreign keys are deferred until the commit, the sequences moved past the restored ids.
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

    def restore(self) -> None:
        connection.ensure_connection()
        if self._copy is not None:
            self._copy.backup(connection.connection)
        else:
            self._restore_tables()
        # Content types are cached by id; a flush made new ones, the copy has the old ids.
        ContentType.objects.clear_cache()

    def _restore_tables(self) -> None:
        names = [connection.ops.quote_name(table) for table in self._tables]
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute(f"TRUNCATE {', '.join(names)}")
            for name in self._filled:
                cursor.execute(f"INSERT INTO {name} SELECT * FROM {SCHEMA}.{name}")
            models = [m for m in apps.get_models() if m._meta.managed and not m._meta.proxy]
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
