"""Row counts and a checksum of every table's rows: what a restore drill compares.

Rows are read in primary-key order (all columns otherwise) and each is written as JSON, so the
same data gives the same digest on the same engine whatever the physical row order.
"""

import hashlib
import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import connections


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (Decimal, UUID)):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    raise TypeError(f"无法计算校验和的值类型：{type(value).__name__}")


def table_checksums(
    *, using: str = "default", first: dict[str, int] | None = None
) -> dict[str, tuple[int, str]]:
    """Table → (row count, SHA-256 of its rows); ``first`` limits a table to its first rows
    (e.g. the audit events a backup held, before the restore appended its own)."""
    first = first or {}
    conn = connections[using]
    result = {}
    with conn.cursor() as cursor:
        for table in sorted(conn.introspection.table_names(cursor)):
            pk = conn.introspection.get_primary_key_column(cursor, table)
            width = len(conn.introspection.get_table_description(cursor, table))
            order = conn.ops.quote_name(pk) if pk else ", ".join(map(str, range(1, width + 1)))
            limit = f" LIMIT {int(first[table])}" if table in first else ""
            cursor.execute(
                f"SELECT * FROM {conn.ops.quote_name(table)} ORDER BY {order}{limit}"  # noqa: S608
            )
            digest, count = hashlib.sha256(), 0
            while rows := cursor.fetchmany(2000):
                for row in rows:
                    line = json.dumps(list(row), default=_plain, ensure_ascii=False, sort_keys=True)
                    digest.update(line.encode() + b"\n")
                count += len(rows)
            result[table] = (count, digest.hexdigest())
    return result
