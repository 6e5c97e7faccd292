"""Copying the database named by ``DATABASE_URL`` out of and back into place.

SQLite: the online backup API (``sqlite3.Connection.backup``) gives a consistent copy while the
server keeps running. PostgreSQL: ``pg_dump --format=custom`` / ``pg_restore`` of the server's
own major version (``/usr/lib/postgresql/<major>/bin`` first, then ``PATH``).

"Empty" target: no table, view or sequence at all. A migrated database with no business rows is
not empty: its migration history and content types would clash with the backup's.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path
from urllib.request import pathname2url

from django.db import connection

SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"


class DatabaseCopyError(Exception):
    """A database that cannot be backed up or restored here; the message is Chinese."""


def engine() -> str:
    vendor = str(connection.vendor)
    if vendor not in ("sqlite", "postgresql"):
        raise DatabaseCopyError(f"不支持的数据库类型：{vendor}（仅支持 SQLite 和 PostgreSQL）")
    return vendor


def sqlite_path() -> Path:
    return sqlite_file(str(connection.settings_dict["NAME"]))


def sqlite_file(name: str) -> Path:
    """The file behind a SQLite database name; an in-memory database has none."""
    if name in ("", ":memory:") or name.startswith("file::memory:") or "mode=memory" in name:
        raise DatabaseCopyError(
            "内存中的 SQLite 数据库无法备份或恢复，请通过 DATABASE_URL 指定数据库文件"
        )
    return Path(name)


def user_relations() -> list[str]:
    """Tables, views and sequences of the target database (system catalogues excepted)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        else:
            cursor.execute(
                "SELECT n.nspname || '.' || c.relname FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') "
                "AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1"
            )
        return [row[0] for row in cursor.fetchall()]


def dump(directory: Path) -> str:
    """Write the database into ``directory``; returns the file name."""
    if engine() == "sqlite":
        source = sqlite_path()
        _sqlite_copy(f"file:{pathname2url(str(source.resolve()))}?mode=ro", directory / SQLITE_FILE)
        return SQLITE_FILE
    _run(_pg_tool("pg_dump"), "--format=custom", f"--file={directory / PG_FILE}")
    return PG_FILE


def load(directory: Path, file_name: str) -> None:
    """Fill the (checked empty) target database from the backup file."""
    source = directory / file_name
    if engine() == "sqlite":
        target = sqlite_path()
        existed = target.exists()
        connection.close()  # no handle of ours on the file while it is written
        try:
            _sqlite_copy(f"file:{pathname2url(str(source.resolve()))}?mode=ro", target)
        except sqlite3.Error:
            if not existed:
                target.unlink(missing_ok=True)
            raise
        return
    # One transaction: a failing restore leaves the database as empty as it was.
    _run(_pg_tool("pg_restore"), "--no-owner", "--no-privileges", "--exit-on-error",
         "--single-transaction", f"--dbname={connection.settings_dict['NAME']}", str(source))


def _sqlite_copy(source_uri: str, target: Path) -> None:
    source = sqlite3.connect(source_uri, uri=True)
    destination = sqlite3.connect(target)
    try:
        # pages=-1: one step under a shared lock, so constant writes cannot restart it forever;
        # in WAL mode the server's writers carry on meanwhile.
        source.backup(destination, pages=-1)
    finally:
        destination.close()
        source.close()


def server_major() -> int:
    connection.ensure_connection()
    return int(getattr(connection, "pg_version", 0)) // 10000


def _pg_tool(name: str) -> str:
    major = server_major()
    candidate = Path(f"/usr/lib/postgresql/{major}/bin/{name}")
    tool = str(candidate) if candidate.is_file() else shutil.which(name)
    if tool is None:
        raise DatabaseCopyError(
            f"找不到 {name}，请安装与服务器版本 {major} 相同的 PostgreSQL 客户端"
        )
    # The tool is a fixed name found on this machine; arguments are ours, not a user's.
    version = subprocess.run(  # noqa: S603
        [tool, "--version"], capture_output=True, text=True, check=True
    )
    found = re.search(r"(\d+)(?:\.\d+)?", version.stdout)
    if found is None or int(found.group(1)) < major:
        raise DatabaseCopyError(
            f"{name} 版本（{version.stdout.strip()}）低于服务器版本 {major}，无法使用"
        )
    return tool


def _pg_env() -> dict[str, str]:
    # Credentials by environment, never on the command line where `ps` would show them.
    db = connection.settings_dict
    env = dict(os.environ)
    for key, value in (("PGHOST", db.get("HOST")), ("PGPORT", db.get("PORT")),
                       ("PGUSER", db.get("USER")), ("PGPASSWORD", db.get("PASSWORD")),
                       ("PGDATABASE", db.get("NAME"))):
        if value:
            env[key] = str(value)
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = str(sslmode)
    return env


def _run(*command: str) -> None:
    result = subprocess.run(  # noqa: S603  (no shell; our own arguments)
        command, env=_pg_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        tool = Path(command[0]).name
        raise DatabaseCopyError(f"{tool} 执行失败：{result.stderr.strip()[:500]}")
