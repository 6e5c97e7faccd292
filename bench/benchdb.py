"""What the bench scripts share: a fresh database, and Django set up and migrated on it.

PostgreSQL when DATABASE_URL names it (the database, with ``suffix`` appended to its name, is
dropped and created again), else SQLite in a temporary folder. The test settings keep DEBUG
off (no query log) and allow "testserver"; the variable folder is temporary too.
"""

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from typing import Any


def fresh_database(prefix: str, *, suffix: str = "", reuse: bool = False) -> str:
    """The DATABASE_URL the script works on, set in the environment."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        base, _, name = url.rpartition("/")
        url = f"{base}/{name}{suffix}"
        if not reuse:
            import psycopg

            with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}{suffix}"')
                conn.execute(f'CREATE DATABASE "{name}{suffix}"')
    else:
        url = f"sqlite:///{tempfile.mkdtemp(prefix=f'{prefix}-')}/bench.sqlite3"
    os.environ["DATABASE_URL"] = url
    return url


def setup_django(prefix: str) -> None:
    """Django on the test settings and the database above, migrated."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "dangjian.settings.test"
    os.environ["DANGJIAN_VAR_DIR"] = tempfile.mkdtemp(prefix=f"{prefix}-var-")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def open_existing_database() -> None:
    """Django on the test settings and the database ``--database-url`` names (a scale that
    ``bench_scope.py`` built): the scripts that add their records to it start with this."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "dangjian.settings.test"
    import django

    django.setup()


def median_ms(work: Callable[[], Any], repeats: int = 7) -> float:
    """The median of ``repeats`` runs in milliseconds, after one run that warms the caches."""
    work()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000
