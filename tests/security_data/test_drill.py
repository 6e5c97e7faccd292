"""Backup-and-restore drills (issue 6, item 6): the demo county backed up, restored elsewhere,
and every table's row count and row checksum compared, on SQLite and on PostgreSQL (scratch
databases on the suite's server, or the local one when the suite runs on SQLite: .ci/run
makes sure it answers before either run)."""

import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from psycopg import sql

from .drill import Site, run_drill

pytestmark = pytest.mark.sweep


def test_sqlite_drill(tmp_path: Path) -> None:
    sites = [Site(f"sqlite:///{tmp_path / f'{name}.sqlite3'}", tmp_path / f"var-{name}")
             for name in ("source", "target", "spare")]
    figures = run_drill(tmp_path, *sites)
    print(f"\nSQLite drill: {figures}")  # figures for the closing note (pytest -s)
    assert figures.tables > 30 and figures.rows > 1000


def _server() -> dict[str, str]:
    db = settings.DATABASES["default"]
    return {"host": db.get("HOST") or "127.0.0.1", "port": str(db.get("PORT") or 5432),
            "user": db.get("USER") or "postgres", "password": db.get("PASSWORD") or ""}


def _url(server: dict[str, str], name: str) -> str:
    auth = quote(server["user"]) + (f":{quote(server['password'])}" if server["password"] else "")
    return f"postgres://{auth}@{server['host']}:{server['port']}/{name}"


@pytest.fixture
def scratch_databases() -> Iterator[list[str]]:
    """Three empty databases ``dangjian_drill_<random>_…`` on the suite's server, dropped after."""
    server = _server()
    prefix = f"dangjian_drill_{secrets.token_hex(4)}"
    names = [f"{prefix}_{suffix}" for suffix in ("source", "target", "spare")]
    admin = psycopg.connect(dbname="postgres", autocommit=True, **server)
    try:
        for name in names:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        yield [_url(server, name) for name in names]
    finally:
        for name in names:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        admin.close()


def test_postgresql_drill(tmp_path: Path, scratch_databases: list[str]) -> None:
    sites = [Site(url, tmp_path / f"var-{i}") for i, url in enumerate(scratch_databases)]
    figures = run_drill(tmp_path, *sites)
    print(f"\nPostgreSQL drill: {figures}")
    assert figures.tables > 30 and figures.rows > 1000
