"""Fast bulk inserts: COPY on PostgreSQL, a prepared ``executemany`` on SQLite.

The ORM is far too slow for millions of survey rows; this goes straight to the
driver but stays inside the caller's SQLAlchemy transaction, so a failed import
still rolls back as one unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table

_CHUNK = 50_000


def bulk_insert(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert ``rows`` (tuples in ``columns`` order) into ``table``; returns the row count.

    Values must already be plain Python (int, float, str, date, None): no
    conversion happens here. NaN must be passed as None.
    """
    unknown = set(columns) - set(table.c.keys())
    if unknown:
        raise ValueError(f"unknown columns for {table.name}: {sorted(unknown)}")
    dbapi = conn.connection.driver_connection
    column_list = ", ".join(f'"{c}"' for c in columns)
    count = 0
    if conn.dialect.name == "postgresql":
        sql = f'COPY "{table.name}" ({column_list}) FROM STDIN'
        with dbapi.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
            for row in rows:
                copy.write_row(row)
                count += 1
        return count
    placeholders = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{table.name}" ({column_list}) VALUES ({placeholders})'
    cursor = dbapi.cursor()  # type: ignore[union-attr]
    iterator = iter(rows)
    try:
        while chunk := list(islice(iterator, _CHUNK)):
            cursor.executemany(sql, chunk)
            count += len(chunk)
    finally:
        cursor.close()
    return count
